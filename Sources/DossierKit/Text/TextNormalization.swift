import Foundation

/// Unicode normalisation for matching: text and aliases are compared in NFC.
enum TextNormalization {
    /// NFC form of `text`. Most text (ASCII, Devanagari without nukta) is already NFC,
    /// which a quick scan tells without calling the full normaliser.
    static func nfc(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when no scalar of `text` can change under NFC. Conservative: false only
    /// means "normalise to be sure". In Devanagari only न, र and ळ compose with a following
    /// nukta (U+093C), U+0958–095F decompose, and a nukta after a virama would be reordered;
    /// other nukta letters (ड़, ढ़, ज़ …) are already NFC as consonant + nukta.
    static func isSurelyNFC(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var previous: UInt32 = 0
            var index = 0
            while index < bytes.count {
                // Below U+0300 (and all of ASCII) nothing composes: skip without decoding.
                if bytes[index] < 0xCC {
                    previous = UInt32(bytes[index])
                    index += 1
                    continue
                }
                // Devanagari (E0 A4 xx, E0 A5 xx), most of the text: decoded in place.
                if bytes[index] == 0xE0, index + 2 < bytes.count, bytes[index + 1] & 0xFE == 0xA4 {
                    let value = (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                    if value >= 0x958 && value <= 0x95F { return false }
                    if value == 0x93C && (previous == 0x928 || previous == 0x930 || previous == 0x933 || previous == 0x94D) {
                        return false
                    }
                    previous = value
                    continue
                }
                let (value, length) = WordBoundary.scalar(at: index, in: bytes)
                index += length
                defer { previous = value }
                if value < 0x300 { continue }
                if value >= 0x900 && value <= 0x97F {
                    if value >= 0x958 && value <= 0x95F { return false }
                    if value == 0x93C && (previous == 0x928 || previous == 0x930 || previous == 0x933 || previous == 0x94D) {
                        return false
                    }
                    continue
                }
                // General punctuation without canonical decompositions (dashes, quotes, ellipsis, ZWJ/ZWNJ).
                if value >= 0x2002 && value <= 0x206F { continue }
                return false
            }
            return true
        }
    }

    /// Runs of white space become one space; ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
