import Foundation

/// Unicode normalisation for matching: text and aliases are compared in NFC.
public enum TextNormalization {
    /// NFC form of `text`. Most text (ASCII, Devanagari without nukta) is already NFC,
    /// which a quick scan tells without calling the full normaliser.
    public static func nfc(_ text: String) -> String {
        isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when no scalar of `text` can change under NFC. Conservative: false only
    /// means "normalise to be sure".
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 { continue }
            // Devanagari: only the nukta (U+093C) composes, and U+0958–095F decompose.
            if value >= 0x900 && value <= 0x97F {
                if value == 0x93C || (value >= 0x958 && value <= 0x95F) || value == 0x929 || value == 0x931 || value == 0x934 {
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

    /// Runs of white space become one space; ends trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
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
