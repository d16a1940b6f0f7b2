/// The "loose" form of a name, in which the spellings Hindi outlets mix up are one: the key
/// of the second tier of alias matching. Text and aliases are folded alike, scalar by scalar:
///
/// - the separators between a name's parts go: space, no-break space, hyphens and dashes
///   (U+2010–2013), ZWJ and ZWNJ (`किम जोंग उन`, `किम जोंग-उन`, `किमजोंगउन`);
/// - long and short vowels are one: `ी`/`ि`, `ू`/`ु`, `ई`/`इ`, `ऊ`/`उ`; `ॉ`/`ो`, `ऑ`/`ओ`,
///   `ॅ`/`े`, `ऍ`/`ए`;
/// - nasals are one: `ं`, `ँ` and a nasal consonant with virama (`न्`, `म्`, `ण्`, `ङ्`, `ञ्`)
///   become `न` (`जोंग`, `जॉन्ग`; `यूं`, `यून`, `युन`), and the walk passes over a nasal sign
///   inside a name that its alias lacks (`किम यों जोंग`, `किम यो-जोंग`);
/// - nukta goes (`ज़`/`ज`, `फ़`/`फ`, `ड़`/`ड`, and the precomposed U+0958–095F, ऩ, ऱ, ऴ);
/// - `व` is `ब`;
/// - `य` between an `ि` and a vowel sign goes, the vowel written independent (`पोम्पियो`,
///   `पोम्पिओ`);
/// - ASCII letters are lower case, and a doubled one is one.
///
/// Folding never looks more than two scalars ahead, so matching stays linear.
enum LooseSpelling {
    /// `text` (NFC) in loose form.
    static func fold(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, index: 0)
            var result = String.UnicodeScalarView()
            while let scalar = reader.next() {
                if let value = Unicode.Scalar(scalar) { result.append(value) }
            }
            return String(result)
        }
    }

    /// Reads the loose form of UTF-8 text from `index`, one folded scalar at a time.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        /// Original byte offset just after the source of the last scalar returned.
        var end = 0
        /// Whether the last scalar returned was a nasal sign (`ं`, `ँ`): a walk may pass over
        /// one that the alias has not (`किम यों जोंग` for `किम यो-जोंग`).
        private(set) var nasalSign = false
        private var previous: UInt32 = 0

        init(bytes: UnsafeBufferPointer<UInt8>, index: Int) {
            self.bytes = bytes
            self.index = index
            self.end = index
        }

        @inline(__always)
        static func isSeparator(_ value: UInt32) -> Bool {
            value == 0x20 || value == 0x2D || value == 0xA0 || value == 0x200C || value == 0x200D || (value >= 0x2010 && value <= 0x2013)
        }

        @inline(__always)
        static func isConsonant(_ value: UInt32) -> Bool {
            (value >= 0x915 && value <= 0x939) || (value >= 0x958 && value <= 0x95F)
        }

        /// The scalar at `at`, skipping nuktas; (value, offset after it), or nil at the end.
        @inline(__always)
        func peek(_ at: Int) -> (UInt32, Int)? {
            var position = at
            while position < bytes.count {
                let (value, length) = WordBoundary.scalar(at: position, in: bytes)
                if value != 0x93C { return (value, position + length) }
                position += length
            }
            return nil
        }

        /// The next folded scalar, or nil at the end of the text. Stops (returns nil) at
        /// nothing else: the caller decides where a match may end.
        mutating func next() -> UInt32? {
            while index < bytes.count {
                let (raw, length) = WordBoundary.scalar(at: index, in: bytes)
                index += length
                if raw == 0x93C || Reader.isSeparator(raw) { continue }
                var value = Reader.foldScalar(raw)
                // A doubled Latin letter is one (`Zelenskyy`, `Zelensky`; `Gaddafi`, `Gadafi`).
                if value >= 97 && value <= 122 && value == previous && end == index - length { end = index; continue }
                switch raw {
                case 0x928, 0x92E, 0x923, 0x919, 0x91E:
                    // A nasal consonant with virama is the nasal sound: `न्`, `म्` → `न`.
                    if let (next, after) = peek(index), next == 0x94D {
                        index = after
                        value = 0x928
                    }
                case 0x92F:
                    // `ियो` → `िओ`: the glide after an i goes.
                    if previous == 0x93F, let (next, after) = peek(index), let vowel = Reader.independent(next) {
                        index = after
                        value = vowel
                    }
                default:
                    break
                }
                // A nukta after it belongs to it (and goes).
                while index + 3 <= bytes.count, bytes[index] == 0xE0, bytes[index + 1] == 0xA4, bytes[index + 2] == 0xBC { index += 3 }
                end = index
                previous = value
                nasalSign = raw == 0x901 || raw == 0x902
                return value
            }
            return nil
        }

        /// The loose form of one scalar alone (the rules that look at the next scalars aside).
        @inline(__always)
        static func foldScalar(_ raw: UInt32) -> UInt32 {
            switch raw {
            case 65...90: return raw + 32
            case 0x958: return 0x915
            case 0x959: return 0x916
            case 0x95A: return 0x917
            case 0x95B: return 0x91C
            case 0x95C: return 0x921
            case 0x95D: return 0x922
            case 0x95E: return 0x92B
            case 0x95F: return 0x92F
            case 0x929: return 0x928
            case 0x931: return 0x930
            case 0x934: return 0x933
            case 0x940: return 0x93F
            case 0x942: return 0x941
            case 0x908: return 0x907
            case 0x90A: return 0x909
            case 0x949: return 0x94B
            case 0x911: return 0x913
            case 0x945: return 0x947
            case 0x90D: return 0x90F
            case 0x901, 0x902: return 0x928
            case 0x935: return 0x92C
            default: return raw
            }
        }

        /// Whether `foldScalar` of a word's first two scalars is what the reader gives: not
        /// when the second is a nukta, virama, separator, nasal or `य` (rules that look ahead).
        @inline(__always)
        static func foldsAlone(first: UInt32, second: UInt32) -> Bool {
            if first == 0x200C || first == 0x200D || isSeparator(second) { return false }
            if first < 0x80 && foldScalar(first) == foldScalar(second) { return false }  // a doubled letter
            switch second {
            case 0x93C, 0x94D, 0x928, 0x92E, 0x923, 0x919, 0x91E, 0x92F: return false
            default: return true
            }
        }

        /// The independent vowel of a vowel sign, for the glide rule (already folded).
        @inline(__always)
        static func independent(_ sign: UInt32) -> UInt32? {
            switch sign {
            case 0x93E: return 0x906
            case 0x94B, 0x949: return 0x913
            case 0x947, 0x945: return 0x90F
            case 0x941, 0x942: return 0x909
            default: return nil
            }
        }
    }

    // MARK: - Spellings derived from an alias

    /// Other spellings of `alias` that outlets use and the fold does not make one: `ॉ`
    /// written `ा` (`नॉर्थ`/`नार्थ`) or `्वा` (`जॉइंट`/`ज्वाइंट`), `ऑ` written `आ`, and in a
    /// name of two words or more an English plural's `्स` left off (`चीफ्स`/`चीफ`). An
    /// outlet may respell one place and not another (`ज्वाइंट चीफ आफ स्टाफ`), so every mix is a
    /// spelling, up to `mixes`; past that, each kind of respelling made everywhere at once.
    static func respellings(_ alias: String) -> [String] {
        let scalars = Array(alias.unicodeScalars)
        let words = alias.split(separator: " ").count
        // Per site: the alternatives, the spelling as written first.
        var sites: [[[Unicode.Scalar]]] = []
        var previousIsConsonant = false
        var index = 0
        func scalar(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(value)! }
        while index < scalars.count {
            let value = scalars[index].value
            switch value {
            case 0x949:
                sites.append(previousIsConsonant ? [[scalars[index]], [scalar(0x93E)], [scalar(0x94D), scalar(0x935), scalar(0x93E)]]
                                                 : [[scalars[index]], [scalar(0x93E)]])
            case 0x911:
                sites.append([[scalars[index]], [scalar(0x906)]])
            case 0x94D where words >= 2 && index >= 2 && index + 1 < scalars.count && scalars[index + 1].value == 0x938
                && (index + 2 == scalars.count || scalars[index + 2] == " " || scalars[index + 2] == "-"):
                sites.append([[scalars[index], scalars[index + 1]], []])
                index += 1
            default:
                sites.append([[scalars[index]]])
            }
            previousIsConsonant = Reader.isConsonant(value) || (value == 0x93C && previousIsConsonant)
            index += 1
        }
        let choices = sites.filter { $0.count > 1 }
        guard !choices.isEmpty else { return [] }
        func spelled(_ pick: (Int, [[Unicode.Scalar]]) -> [Unicode.Scalar]) -> String {
            var result = String.UnicodeScalarView()
            var site = 0
            for alternatives in sites {
                if alternatives.count == 1 { result.append(contentsOf: alternatives[0]) } else {
                    result.append(contentsOf: pick(site, alternatives))
                    site += 1
                }
            }
            return String(result)
        }
        let total = choices.reduce(1) { $0 * $1.count }
        if total - 1 > mixes {
            let widest = choices.map(\.count).max()!
            return (1..<widest).map { choice in spelled { _, alternatives in alternatives[min(choice, alternatives.count - 1)] } }
        }
        // Every mix but the spelling as written: mixed-radix counting over the sites.
        return (1..<total).map { number in
            spelled { site, alternatives in
                var rest = number
                for earlier in choices[..<site] { rest /= earlier.count }
                return alternatives[rest % alternatives.count]
            }
        }
    }

    /// At most this many respellings of one alias are every mix of its sites.
    static let mixes = 31

    /// A country's adjective (demonym) from its alias: a final consonant takes `ी` (`यूक्रेन`
    /// → `यूक्रेनी`, `चीन` → `चीनी`), a final `ा` becomes `ी` or takes `ई` (`अमेरिका` →
    /// `अमेरिकी`, `कोरिया` → `कोरियाई`).
    static func demonyms(_ alias: String) -> [String] {
        guard let last = alias.unicodeScalars.last, alias.unicodeScalars.contains(where: { (0x900...0x97F).contains($0.value) }) else { return [] }
        if Reader.isConsonant(last.value) || last.value == 0x93C { return [alias + "\u{940}"] }
        if last.value == 0x93E {
            return [String(alias.unicodeScalars.dropLast()) + "\u{940}", alias + "\u{908}"]
        }
        return []
    }

    /// A compass word that begins a place's name and its adjective: `उत्तर`/`उत्तरी`,
    /// `दक्षिण`/`दक्षिणी`, `पूर्व`/`पूर्वी`, `पश्चिम`/`पश्चिमी`. Outlets write either before the
    /// rest of the name (`उत्तर कोरिया`, `उत्तरी कोरिया`; `दक्षिण अफ्रीका`, `दक्षिणी अफ्रीका`).
    static let compassWords: [(noun: String, adjective: String)] = [
        ("उत्तर", "उत्तरी"), ("दक्षिण", "दक्षिणी"), ("पूर्व", "पूर्वी"), ("पश्चिम", "पश्चिमी"),
    ].map { (TextNormalization.nfc($0.0), TextNormalization.nfc($0.1)) }

    /// A place's name with its first word, a compass word, in the other form (noun for
    /// adjective and back); none for a one-word name or another first word. The compass word
    /// alone is never a form: only the whole name.
    static func compassForms(_ alias: String) -> [String] {
        let words = alias.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard words.count == 2, !words[1].isEmpty else { return [] }
        for (index, (noun, adjective)) in compassWords.enumerated() {
            // Its abbreviation too, as headlines write it (`उ. कोरिया`, `द.कोरिया`): the
            // fold drops the space.
            let abbreviated = compassAbbreviations[index] + ". " + words[1]
            if words[0] == noun { return [adjective + " " + words[1], abbreviated] }
            if words[0] == adjective { return [noun + " " + words[1]] }
        }
        return []
    }

    /// The compass words' abbreviations, in the order of `compassWords` (`उ. प्र.`, `प. बंगाल`).
    static let compassAbbreviations = ["उ", "द", "पू", "प"].map(TextNormalization.nfc)

    /// Small words an English name's initials leave out (`Joint Chiefs of Staff` → `JCS`).
    static let smallWords: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "at", "de"]

    /// The initials of an English name of two words or more (`United Nations` → `UN`,
    /// `Korean Central News Agency` → `KCNA`), small words left out; nil when a word is not
    /// capitalised or is an acronym already (`RIA Novosti`), or the name is not Latin.
    static func initials(_ name: String) -> String? {
        let words = name.split { $0 == " " || $0 == "-" }.filter { !smallWords.contains(String($0)) }
        guard (2...6).contains(words.count) else { return nil }
        var letters = ""
        for word in words {
            guard let first = word.first, first.isASCII, first.isUppercase, word.count >= 2,
                  word.allSatisfy({ $0.isASCII && $0.isLetter }), word.dropFirst().contains(where: \.isLowercase) else { return nil }
            letters.append(first)
        }
        return letters
    }

    /// Whether the Latin word at `range` of `bytes` is written as `text` is: capitalised, and
    /// in capitals throughout where `text` is (a derived form, `UN` or `Trump`, is not the
    /// word `un` or `trump`).
    static func sameCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, as text: String) -> Bool {
        func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
        func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
        guard let first = range.first, isUpper(bytes[first]) else { return false }
        guard !text.utf8.contains(where: isLower) else { return true }
        return !range.contains { isLower(bytes[$0]) }
    }

    /// Latin letters as Hindi writes their names (`NIS` is `एनआईएस`).
    static let letterNames: [Character: [String]] = [
        "A": ["ए"], "B": ["बी"], "C": ["सी"], "D": ["डी"], "E": ["ई"], "F": ["एफ"], "G": ["जी"], "H": ["एच"],
        "I": ["आई"], "J": ["जे"], "K": ["के"], "L": ["एल"], "M": ["एम"], "N": ["एन"], "O": ["ओ"], "P": ["पी"],
        "Q": ["क्यू"], "R": ["आर"], "S": ["एस"], "T": ["टी"], "U": ["यू"], "V": ["वी"], "W": ["डब्ल्यू"],
        "X": ["एक्स"], "Y": ["वाई"], "Z": ["ज़ेड", "जेड"],
    ]

    /// An acronym in the other script: a Latin one (`NIS`, `KCNA`: 2 to 6 capitals) spelled
    /// in Devanagari letter names, and Devanagari letter names (`केसीएनए`) as Latin capitals.
    static func acronym(_ alias: String) -> String? {
        let characters = Array(alias)
        if (2...6).contains(characters.count), characters.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            return characters.map { TextNormalization.nfc(letterNames[$0]![0]) }.joined()
        }
        // Devanagari: letter names one after the other, longest first, nothing left over.
        guard alias.unicodeScalars.allSatisfy({ (0x900...0x97F).contains($0.value) }) else { return nil }
        var rest = Substring(alias)
        var letters = ""
        while !rest.isEmpty {
            var found: (Character, Int)?
            for (letter, names) in letterNames {
                for name in names.map(TextNormalization.nfc) where rest.hasPrefix(name) && name.count > (found?.1 ?? 0) {
                    found = (letter, name.count)
                }
            }
            guard let (letter, length) = found else { return nil }
            letters.append(letter)
            rest = rest.dropFirst(length)
        }
        return letters.count >= 2 ? letters : nil
    }
}
