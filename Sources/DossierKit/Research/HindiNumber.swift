/// A number as Hindi news writes it: digits (ASCII or Devanagari, `12,000`, `1,00,000`,
/// `1.5`), a number word (`दो`, `बीस`), either followed by a multiplier word (`10 हजार`,
/// `1.5 लाख`, `दो करोड़`, `5 मिलियन`), or an indefinite plural (`हजारों`: thousands, whose
/// value is unknown).
struct HindiNumber: Sendable, Hashable {
    /// Token range of the number.
    var tokens: Range<Int>
    /// Nil for an indefinite number (`हजारों`, `सैकड़ों`).
    var value: Double?

    static let multipliers: WordMap<Double> = [
        "सौ": 100, "हजार": 1_000, "हज़ार": 1_000, "लाख": 100_000, "करोड़": 10_000_000, "करोड": 10_000_000,
        "अरब": 1_000_000_000, "खरब": 100_000_000_000, "मिलियन": 1_000_000, "बिलियन": 1_000_000_000,
        "ट्रिलियन": 1_000_000_000_000, "दर्जन": 12,
    ]

    static let words: WordMap<Double> = [
        "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7, "आठ": 8, "नौ": 9, "दस": 10,
        "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18,
        "उन्नीस": 19, "बीस": 20, "पच्चीस": 25, "तीस": 30, "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70,
        "अस्सी": 80, "नब्बे": 90,
    ]
    /// Only with a multiplier: `एक` alone is mostly the article "a"; `डेढ़ हजार` is 1,500.
    static let multiplierOnly: WordMap<Double> = ["एक": 1, "डेढ़": 1.5, "ढाई": 2.5]

    static let indefinite: WordSet = [
        "सैकड़ों", "सैकड़ो", "हजारों", "हज़ारों", "लाखों", "करोड़ों", "अरबों", "दर्जनों", "सैंकड़ों",
    ]

    /// The number starting at token `index`, if one does.
    static func read(at index: Int, in tokens: [ResearchToken]) -> HindiNumber? {
        guard index < tokens.count, tokens[index].kind != .mention else { return nil }
        let text = tokens[index].word
        if indefinite.contains(text) { return HindiNumber(tokens: index..<(index + 1), value: nil) }
        var base: Double?
        var needsMultiplier = false
        if tokens[index].kind == .number {
            base = digits(text.bytes)
        } else if let word = words[text] {
            base = word
        } else if let word = multiplierOnly[text] {
            base = word
            needsMultiplier = true
        }
        guard let value = base else { return nil }
        let next = index + 1
        if next < tokens.count, tokens[next].kind == .word, let multiplier = multipliers[tokens[next].word] {
            let product = value * multiplier
            return HindiNumber(tokens: index..<(next + 1), value: product.isFinite ? product : nil)
        }
        return needsMultiplier ? nil : HindiNumber(tokens: index..<next, value: value.isFinite ? value : nil)
    }

    /// The value of digits with grouping commas and a decimal point; nil when malformed.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var ascii = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 48...57, 46: ascii.unicodeScalars.append(scalar)
            case 0x966...0x96F: ascii.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x966 + 48)!)
            case 44: continue
            default: return nil
            }
        }
        return Double(ascii)
    }
}
