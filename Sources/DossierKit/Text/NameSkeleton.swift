/// The consonants of a name as it sounds, for telling whether a Hindi word transliterates
/// to a part of an entity's English name (`व्लादिमीर`, `वलोडिमिर` and `Vladimir`,
/// `Volodymyr` are all `vldmr`). Vowels go (outlets disagree on them most), aspirates are
/// their plain consonants, `त`/`ट` are one, as are `द`/`ड`, `श`/`ष`/`स`, `z`/`j`, `w`/`v`;
/// `च`/`ज` and `ch`/`j` are one (Pinyin's `j`, `zh`, `q` are written either way: `शी चिनफिंग`
/// and `शी जिनपिंग` for Xi Jinping), and a Latin `x` that starts a word is `s` (Pinyin's `x`:
/// `Xi` is `शी`), elsewhere `ks`;
/// a `y` counts only at the start of a word; doubled letters are one; a word that starts
/// with a vowel begins with `_`.
enum NameSkeleton {
    /// Skeleton of one word, Devanagari or Latin (a word of other letters gives "").
    static func of(_ word: some Collection<Unicode.Scalar>) -> [UInt8] {
        let values = word.map(\.value)
        var result: [UInt8] = []
        values.withUnsafeBufferPointer { scan($0) { result.append($0); return true } }
        return result
    }

    static func of(_ word: String) -> [UInt8] { of(word.unicodeScalars) }

    /// Whether the word `bytes[range]` (UTF-8) has the skeleton `part`; stops at the first
    /// letter that differs, and allocates nothing.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ part: [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 48) { buffer in
            var count = 0
            var index = range.lowerBound
            while index < range.upperBound {
                guard count < 48 else { return false }
                let (value, length) = WordBoundary.scalar(at: index, in: bytes)
                buffer[count] = value
                count += 1
                index += length
            }
            var matched = 0
            var same = true
            scan(UnsafeBufferPointer(rebasing: buffer[..<count])) { letter in
                guard matched < part.count, part[matched] == letter else { same = false; return false }
                matched += 1
                return true
            }
            return same && matched == part.count
        }
    }

    /// Emits the skeleton's letters one by one (doubled ones once) until `emit` says stop.
    static func scan(_ scalars: UnsafeBufferPointer<UInt32>, _ emit: (UInt8) -> Bool) {
        var last: UInt8 = 0
        func add(_ letter: UInt8) -> Bool {
            if last == letter { return true }
            last = letter
            return emit(letter)
        }
        var atStart = true
        var index = 0
        while index < scalars.count {
            let value = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : 0
            index += 1
            if atStart && isVowel(value) {
                // A word that starts with a vowel is marked: `Un`/`उन` are `_n`, `ने` is `n`.
                atStart = false
                if !add(UInt8(ascii: "_")) { return }
                continue
            }
            if value >= 0x900 && value <= 0x97F {
                defer { if value != 0x93C { atStart = false } }
                guard let letter = devanagari(value, nukta: next == 0x93C) else { continue }
                if letter == UInt8(ascii: "y") && !atStart { continue }
                let sound = letter == UInt8(ascii: "n") && (value == 0x902 || value == 0x901) && labial(next) ? UInt8(ascii: "m") : letter
                if !add(sound) { return }
                continue
            }
            guard value < 128, case let ascii = UInt8(value) | 0x20, (97...122).contains(ascii) else { atStart = false; continue }
            let following: UInt8 = next < 128 ? UInt8(truncatingIfNeeded: next) | 0x20 : 0
            let wasStart = atStart
            atStart = false
            var letters: (UInt8, UInt8) = (0, 0)
            switch ascii {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
                continue
            case UInt8(ascii: "y"):
                if !wasStart { continue }
                letters.0 = ascii
            case UInt8(ascii: "h"):
                // After a consonant, h makes a digraph (ch, sh, th, kh, ph, zh): already counted.
                if index >= 2, scalars[index - 2] < 128 {
                    let before = UInt8(scalars[index - 2]) | 0x20
                    if (97...122).contains(before) && !"aeiouy".utf8.contains(before) { continue }
                }
                letters.0 = ascii
            case UInt8(ascii: "c"): letters.0 = following == UInt8(ascii: "h") ? UInt8(ascii: "j") : UInt8(ascii: "k")
            case UInt8(ascii: "p"): letters.0 = following == UInt8(ascii: "h") ? UInt8(ascii: "f") : ascii
            case UInt8(ascii: "s"): letters.0 = ascii
            case UInt8(ascii: "z"): letters.0 = UInt8(ascii: "j")
            case UInt8(ascii: "q"): letters.0 = UInt8(ascii: "k")
            case UInt8(ascii: "w"): letters.0 = UInt8(ascii: "v")
            case UInt8(ascii: "x"): letters = wasStart ? (UInt8(ascii: "s"), 0) : (UInt8(ascii: "k"), UInt8(ascii: "s"))
            default: letters.0 = ascii
            }
            if !add(letters.0) { return }
            if letters.1 != 0 && !add(letters.1) { return }
        }
    }

    private static func isVowel(_ value: UInt32) -> Bool {
        (0x904...0x914).contains(value) || (value < 128 && "aeiouAEIOU".unicodeScalars.contains { $0.value == value })
    }

    private static func labial(_ value: UInt32) -> Bool { (0x92A...0x92E).contains(value) }

    private static func devanagari(_ value: UInt32, nukta: Bool) -> UInt8? {
        func letter(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
        switch value {
        case 0x915, 0x916, 0x958, 0x959: return letter("k")
        case 0x917, 0x918, 0x95A: return letter("g")
        case 0x91A, 0x91B, 0x91C, 0x91D, 0x95B: return letter("j")
        case 0x91F, 0x920, 0x924, 0x925: return letter("t")
        case 0x921, 0x922, 0x926, 0x927, 0x95C, 0x95D: return letter("d")
        case 0x919, 0x91E, 0x923, 0x928, 0x929, 0x901, 0x902: return letter("n")
        case 0x92A: return letter("p")
        case 0x92B: return nukta ? letter("f") : letter("p")
        case 0x95E: return letter("f")
        case 0x92C, 0x92D: return letter("b")
        case 0x92E: return letter("m")
        case 0x92F, 0x95F: return letter("y")
        case 0x930, 0x931: return letter("r")
        case 0x932, 0x933, 0x934: return letter("l")
        case 0x935: return letter("v")
        case 0x936, 0x937, 0x938: return letter("s")
        case 0x939: return letter("h")
        default: return nil
        }
    }

    /// The skeletons of a name's parts: `Vladimir Putin` → [vldmr, ptn], `Yoon Suk-yeol` →
    /// [yn, sk, yl].
    static func parts(_ name: String) -> [[UInt8]] {
        name.split { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "." }.map { of(String($0)) }.filter { !$0.isEmpty }
    }
}
