/// A word as the research finders compare it: its NFC UTF-8 bytes and their FNV-1a hash,
/// computed once. `String`'s `==` and hashing go through Unicode normalization for
/// Devanagari on every call, and a `String` or an array slice per token costs an allocation
/// or reference counting (most of the finders' time at 10,000 articles). So a word is a
/// pointer and a hash: the tokens are slices of NFC text (`ArticlePlainText`) and the
/// vocabulary is made NFC once, so equal bytes decide the same as canonical equivalence.
///
/// `@unchecked Sendable` because of the pointer: a vocabulary word's bytes are copied once
/// into memory that is never freed or written again; a token's point into the plain text
/// inside `ArticleResearch.init`'s `withUnsafeBufferPointer` and never leave it.
struct Word: @unchecked Sendable, Hashable {
    let bytes: UnsafeBufferPointer<UInt8>
    let key: UInt64

    /// A vocabulary word: normalized and copied here, once, for the life of the process.
    init(_ text: String) {
        let utf8 = Array(TextNormalization.nfc(text).utf8)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, utf8.count))
        _ = storage.initialize(from: utf8)
        self.init(bytes: UnsafeBufferPointer(rebasing: storage[0..<utf8.count]))
    }

    /// Bytes already in NFC.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes: bytes, key: FNV1a.hash64(bytes))
    }

    init(bytes: UnsafeBufferPointer<UInt8>, key: UInt64) {
        self.bytes = bytes
        self.key = key
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func starts(with prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }

    static let none = Word("")

    static func == (a: Word, b: Word) -> Bool {
        a.key == b.key && a.bytes.count == b.bytes.count && a.bytes.elementsEqual(b.bytes)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A closed list of words (`SpeechVocabulary`, `FigureVocabulary`), looked up by a token's
/// `Word`: an open-addressed table indexed by the word's hash, so a lookup reads one or two
/// slots and compares characters only when the hash matches.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Void>

    init(arrayLiteral words: String...) { self.init(words) }

    init(_ words: [String]) { table = WordTable(words.map { (Word($0), ()) }) }

    func contains(_ word: Word) -> Bool { table.slot(of: word) != nil }
}

/// A closed map from words to values (unit nouns to their class, number words to values).
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private let table: WordTable<Value>

    init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }

    /// Each word once (a later value for the same word replaces an earlier one).
    init(_ elements: [(String, Value)]) { table = WordTable(elements.map { (Word($0), $1) }) }

    subscript(word: Word) -> Value? { table.slot(of: word).flatMap { table.values[$0] } }
}

/// The table of `WordSet` and `WordMap`: a power of two of slots, at most a quarter full.
private struct WordTable<Value: Sendable>: Sendable {
    private var words: [Word?]
    private(set) var values: [Value?]
    private let mask: Int

    init(_ entries: [(Word, Value)]) {
        var size = 8
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        words = Array(repeating: nil, count: size)
        values = Array(repeating: nil, count: size)
        for (word, value) in entries {
            var index = Int(truncatingIfNeeded: word.key) & mask
            while let other = words[index], other != word { index = (index + 1) & mask }
            words[index] = word
            values[index] = value
        }
    }

    func slot(of word: Word) -> Int? {
        var index = Int(truncatingIfNeeded: word.key) & mask
        while let other = words[index] {
            if other == word { return index }
            index = (index + 1) & mask
        }
        return nil
    }
}
