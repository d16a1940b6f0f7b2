import Foundation

/// Devanagari to plain ASCII, for readable ids (`प्योंगयांग` → `pyongyang`). A simple
/// phonetic spelling, not a scholarly one: the inherent vowel is dropped at the end of a
/// word and between a vowel-consonant and a consonant-vowel, as Hindi speakers do.
enum Transliteration {
    /// `text` in lowercase ASCII letters, digits and spaces; other scripts' letters are
    /// kept with their accents removed, punctuation becomes a space.
    static func ascii(_ text: String) -> String {
        var words: [String] = []
        var latin = ""
        var devanagari: [Unicode.Scalar] = []
        func flush() {
            if !devanagari.isEmpty { latin += word(devanagari); devanagari = [] }
        }
        for scalar in TextNormalization.nfc(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if value >= 0x900 && value <= 0x97F && value != 0x964 && value != 0x965 {
                if (0x966...0x96F).contains(value) {
                    flush()
                    latin += String(value - 0x966)
                } else {
                    devanagari.append(scalar)
                }
                continue
            }
            flush()
            if scalar.isASCII && (scalar.properties.isAlphabetic || (48...57).contains(value)) {
                latin += String(scalar).lowercased()
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // accents of Latin letters (decomposed above)
            } else if scalar.properties.isAlphabetic {
                latin += String(scalar).lowercased().filter(\.isASCII)
            } else {
                if !latin.isEmpty { words.append(latin) }
                latin = ""
            }
        }
        flush()
        if !latin.isEmpty { words.append(latin) }
        return words.joined(separator: " ")
    }

    private static let consonants: [UInt32: String] = [
        0x915: "k", 0x916: "kh", 0x917: "g", 0x918: "gh", 0x919: "n",
        0x91A: "ch", 0x91B: "chh", 0x91C: "j", 0x91D: "jh", 0x91E: "n",
        0x91F: "t", 0x920: "th", 0x921: "d", 0x922: "dh", 0x923: "n",
        0x924: "t", 0x925: "th", 0x926: "d", 0x927: "dh", 0x928: "n", 0x929: "n",
        0x92A: "p", 0x92B: "ph", 0x92C: "b", 0x92D: "bh", 0x92E: "m",
        0x92F: "y", 0x930: "r", 0x931: "r", 0x932: "l", 0x933: "l", 0x934: "l", 0x935: "v",
        0x936: "sh", 0x937: "sh", 0x938: "s", 0x939: "h",
    ]
    /// The sound a consonant takes with a nukta (`फ़` → f, `ज़` → z).
    private static let nuktaConsonants: [UInt32: String] = [
        0x915: "q", 0x916: "kh", 0x917: "g", 0x91C: "z", 0x921: "r", 0x922: "rh", 0x92B: "f", 0x92F: "y",
    ]
    private static let independentVowels: [UInt32: String] = [
        0x905: "a", 0x906: "a", 0x907: "i", 0x908: "i", 0x909: "u", 0x90A: "u", 0x90B: "ri",
        0x90D: "e", 0x90E: "e", 0x90F: "e", 0x910: "ai", 0x911: "o", 0x912: "o", 0x913: "o", 0x914: "au",
    ]
    private static let vowelSigns: [UInt32: String] = [
        0x93E: "a", 0x93F: "i", 0x940: "i", 0x941: "u", 0x942: "u", 0x943: "ri",
        0x945: "e", 0x946: "e", 0x947: "e", 0x948: "ai", 0x949: "o", 0x94A: "o", 0x94B: "o", 0x94C: "au",
    ]

    /// One run of Devanagari as syllables (consonant + vowel), then the schwas dropped.
    private static func word(_ scalars: [Unicode.Scalar]) -> String {
        struct Syllable { var consonant = ""; var vowel = ""; var inherent = false; var coda = "" }
        var syllables: [Syllable] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if var sound = consonants[value] {
                if index + 1 < scalars.count, scalars[index + 1].value == 0x93C {
                    sound = nuktaConsonants[value] ?? sound
                    index += 1
                }
                let next = index + 1 < scalars.count ? scalars[index + 1].value : 0
                if next == 0x94D {
                    // Virama: joins this consonant to the next one.
                    if var last = syllables.last, last.vowel.isEmpty, !last.inherent, !last.consonant.isEmpty {
                        last.consonant += sound
                        syllables[syllables.count - 1] = last
                    } else {
                        syllables.append(Syllable(consonant: sound))
                    }
                    index += 2
                    continue
                }
                var syllable = Syllable(consonant: sound)
                if let last = syllables.last, last.vowel.isEmpty, !last.inherent, !last.consonant.isEmpty {
                    syllable.consonant = last.consonant + sound
                    syllables.removeLast()
                }
                if let sign = vowelSigns[next] {
                    syllable.vowel = sign
                    index += 2
                } else {
                    syllable.vowel = "a"
                    syllable.inherent = true
                    index += 1
                }
                syllables.append(syllable)
            } else if let vowel = independentVowels[value] {
                syllables.append(Syllable(vowel: vowel))
                index += 1
            } else if value == 0x902 || value == 0x901 {
                // Anusvara, chandrabindu: a nasal, m before p, b, m.
                let next = index + 1 < scalars.count ? consonants[scalars[index + 1].value] ?? "" : ""
                let nasal = next.hasPrefix("p") || next.hasPrefix("b") || next.hasPrefix("m") ? "m" : "n"
                if !syllables.isEmpty { syllables[syllables.count - 1].coda += nasal } else { syllables.append(Syllable(coda: nasal)) }
                index += 1
            } else if value == 0x903 {
                if !syllables.isEmpty { syllables[syllables.count - 1].coda += "h" }
                index += 1
            } else {
                index += 1  // nukta alone, signs without sound
            }
        }
        // Schwa deletion, right to left: at the end of a word of two or more syllables, and
        // in vowel-consonant-[a]-consonant-vowel.
        var index2 = syllables.count - 1
        while index2 >= 0 {
            let syllable = syllables[index2]
            if syllable.inherent && syllable.coda.isEmpty {
                let isLast = index2 == syllables.count - 1
                let hasVowelBefore = index2 > 0 && !syllables[index2 - 1].vowel.isEmpty
                let hasVowelAfter = !isLast && !syllables[index2 + 1].vowel.isEmpty && !syllables[index2 + 1].consonant.isEmpty
                if (isLast && syllables.count > 1) || (hasVowelBefore && hasVowelAfter) {
                    syllables[index2].vowel = ""
                    syllables[index2].inherent = false
                    index2 -= 2  // never two in a row
                    continue
                }
            }
            index2 -= 1
        }
        return syllables.map { $0.consonant + $0.vowel + $0.coda }.joined()
    }
}
