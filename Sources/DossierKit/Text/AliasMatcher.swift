/// Finds registered aliases in text in one pass: a byte trie over the aliases' UTF-8
/// (NFC, ASCII letters folded to lower case), walked from each word start. Where
/// aliases overlap the longest wins; matches never start or end inside a word.
/// Cost grows with the text, not with the number of aliases.
///
/// A second tier matches spelling variants: a trie over the aliases' loose forms
/// (`LooseSpelling`), walked over the text folded the same way as it is read. At a word
/// start the longer of the two matches wins, and the exact one when they are as long. Names
/// are then completed from the entity's English name: a match of a person's name part (`पुतिन`)
/// next to words that transliterate to the other parts (`व्लादिमीर` for Vladimir) is taken
/// whole (`NameSkeleton`).
struct AliasMatcher: Sendable {
    /// One distinct alias text and the entities that carry it (more than one: ambiguous).
    struct Alias: Sendable, Hashable {
        var text: String
        var entities: [EntityIndex]
        /// A spelling variant (the loose form of an alias, a derived form, a completed name),
        /// not an alias as written; `text` is the alias it comes from.
        var isVariant: Bool
        /// Matched only when completed to the whole name of one of `starts`: the variant
        /// equals a common word, or only begins a name.
        var completionOnly: Bool
        /// People whose whole name may start here (`पार्क` of `पार्क सनवॉन`).
        var starts: [EntityIndex] = []
        /// People whose name this is the first or last word of (`पार्क` of `पार्क सुन-वोन`):
        /// the text may mean one of them where the article names them in full
        /// (`matches(in:shortForms:)`; the `Annotator` decides).
        var shortFor: [EntityIndex] = []
        /// The short form equals a common word (`ली`, "took"): it is read as the name only
        /// before a case marker (`ली ने`).
        var shortFormIsCommon = false
        /// A Latin form derived from a name (`UN` of United Nations, `Trump` of Donald Trump):
        /// matched only in the case it is written in.
        var cased = false
        var isAmbiguous: Bool { entities.count > 1 }

        init(text: String, entities: [EntityIndex], isVariant: Bool = false) {
            self.text = text
            self.entities = entities
            self.isVariant = isVariant
            self.completionOnly = false
        }
    }

    struct Match: Sendable, Hashable {
        /// Byte range in the searched text.
        var start: Int
        var end: Int
        var alias: Int32
    }

    let aliases: [Alias]

    private let exact: ByteTrie
    private let loose: ByteTrie?
    /// Per alias: the entity whose name it may complete, or -1, and which of the name's
    /// parts the alias is.
    private let completes: [Int32]
    private let covers: [Range<Int>?]
    /// Per alias: the parts of each name in `starts` that it is.
    private let startCovers: [[Range<Int>?]]
    /// Per alias: a variant matched only as part of a completed name; a loose key that an
    /// alias as written folds to (the exact tier is walked only where the loose walk passed
    /// one, unless some entity has `variants: false`).
    private let completionOnly: [Bool]
    private let foldsExact: [Bool]
    private let exactAlways: Bool
    /// Per entity: the skeletons of its English name's parts (empty: never completed), and
    /// the alias that a completed name matches as.
    private let nameParts: [[[UInt8]]]
    private let completedAlias: [Int32]
    static let startBits = 1 << 16
    static let denseThreshold = 4

    /// Builds the matcher from every entity's aliases and canonical name, and their variants
    /// (for entities that do not set `variants: false`).
    init(registry: Registry) {
        var entries: [String: [EntityIndex]] = [:]
        for (index, entity) in registry.entities.enumerated() {
            for name in AliasMatcher.names(of: entity) {
                let key = AliasMatcher.foldASCII(name)
                var list = entries[key, default: []]
                if !list.contains(EntityIndex(index)) { list.append(EntityIndex(index)) }
                entries[key] = list
            }
        }
        var aliases = entries.keys.sorted().map { Alias(text: $0, entities: entries[$0]!) }

        // Variants: loose keys of the aliases and of the forms derived from them.
        struct Loose { var entities: [EntityIndex] = []; var text = "" }
        var looseEntries: [String: Loose] = [:]
        var spelled = Set(entries.keys)  // aliases and derived forms as written: never "common"
        var exactFolds = Set<String>()   // loose forms of the aliases as written
        var nameParts = [[[UInt8]]](repeating: [], count: registry.entities.count)
        var casedKeys = Set<String>()    // loose keys first made by a derived Latin form
        for (index, entity) in registry.entities.enumerated() where entity.variants {
            let names = AliasMatcher.names(of: entity)
            var forms: [(String, derived: Bool)] = names.map { ($0, false) }
            // An organisation's initials (a country's where they are its ISO code: `US`, not
            // `SK` of South Korea), and their letter names (`यूएन`).
            if entity.kind == .org || entity.kind == .country, let initials = LooseSpelling.initials(entity.name),
               entity.kind == .org || entity.iso?.uppercased() == initials {
                forms.append((initials, true))
                let key = LooseSpelling.fold(initials)
                if looseEntries[key] == nil && entries[AliasMatcher.foldASCII(initials)] == nil { casedKeys.insert(key) }
                if let letters = LooseSpelling.acronym(initials) { forms.append((letters, true)) }
            }
            for name in names {
                forms += LooseSpelling.respellings(name).map { ($0, false) }
                if let acronym = LooseSpelling.acronym(name) { forms.append((acronym, true)) }
                if entity.kind == .country {
                    let demonyms = LooseSpelling.demonyms(name)
                    for demonym in demonyms {
                        forms.append((demonym, true))
                        forms += LooseSpelling.respellings(demonym).map { ($0, false) }
                    }
                    // `उत्तरी कोरिया` for `उत्तर कोरिया` (and its adjective, `उत्तरी कोरियाई`).
                    for compass in ([name] + demonyms).flatMap(LooseSpelling.compassForms) {
                        forms.append((compass, true))
                        forms += LooseSpelling.respellings(compass).map { ($0, false) }
                    }
                }
            }
            for name in names { exactFolds.insert(LooseSpelling.fold(name)) }
            for (form, derived) in forms {
                if derived { spelled.insert(AliasMatcher.foldASCII(form)) }
                let key = LooseSpelling.fold(form)
                guard !key.isEmpty else { continue }
                var entry = looseEntries[key, default: Loose(text: form)]
                if !entry.entities.contains(EntityIndex(index)) { entry.entities.append(EntityIndex(index)) }
                looseEntries[key] = entry
            }
            if entity.kind == .person {
                let parts = NameSkeleton.parts(entity.name)
                if parts.count >= 2 { nameParts[index] = parts }
            }
        }
        // The first word of a person's name written in full (`पार्क` of `पार्क सुन-वोन`) may
        // start that name spelled otherwise (`पार्क सनवॉन`): matched only when completed.
        var firstWords: [String: [EntityIndex]] = [:]
        for (index, entity) in registry.entities.enumerated() where !nameParts[index].isEmpty {
            for name in AliasMatcher.names(of: entity) {
                let words = name.split { $0 == " " || $0 == "-" }
                guard words.count >= 2 else { continue }
                let key = LooseSpelling.fold(String(words[0]))
                guard !key.isEmpty else { continue }
                if looseEntries[key] == nil && firstWords[key] == nil { looseEntries[key] = Loose(entities: [], text: String(words[0])) }
                if !firstWords[key, default: []].contains(EntityIndex(index)) { firstWords[key, default: []].append(EntityIndex(index)) }
            }
        }
        let shortForms = AliasMatcher.shortForms(registry)
        for (key, people) in shortForms where looseEntries[key] == nil {
            looseEntries[key] = Loose(entities: [], text: people.text)
        }
        func allPeople(_ entities: [EntityIndex]) -> Bool {
            entities.allSatisfy { registry.entities[Int($0)].kind == .person }
        }
        for index in aliases.indices where allPeople(aliases[index].entities) {
            aliases[index].shortFor = shortForms[LooseSpelling.fold(aliases[index].text)]?.people ?? []
        }
        let common = AliasMatcher.commonKeys(except: spelled)
        var looseKeys: [(key: String, alias: Int32)] = []
        for key in looseEntries.keys.sorted() {
            let entry = looseEntries[key]!
            var alias = Alias(text: entry.text, entities: entry.entities, isVariant: true)
            // A Latin short form (`Park`) is cased however its key was made (a name's first word too).
            alias.cased = casedKeys.contains(key) || (shortForms[key] != nil && entry.text.utf8.allSatisfy { $0 < 128 })
            alias.starts = firstWords[key] ?? []
            if allPeople(entry.entities) { alias.shortFor = shortForms[key]?.people ?? [] }
            if common.contains(key) || entry.entities.isEmpty {
                // Only as part of a whole name (`यूं सुक येओल`), never alone (`यूं तो`).
                if entry.entities.count == 1, !nameParts[Int(entry.entities[0])].isEmpty, !alias.starts.contains(entry.entities[0]) {
                    alias.starts.append(entry.entities[0])
                }
                // A person's common-word variant (`यूं` of `युन`) is a short form of their name:
                // read as the name only where the article names them in full.
                if common.contains(key), allPeople(entry.entities) {
                    for entity in entry.entities where !alias.shortFor.contains(entity) { alias.shortFor.append(entity) }
                    alias.shortFormIsCommon = !alias.shortFor.isEmpty
                }
                // Kept when an alias as written folds to it: the exact tier is walked from there.
                guard !alias.starts.isEmpty || !alias.shortFor.isEmpty || exactFolds.contains(key) else { continue }
                alias.entities = []
                alias.completionOnly = true
            }
            looseKeys.append((key, Int32(aliases.count)))
            aliases.append(alias)
        }
        var completedAlias = [Int32](repeating: -1, count: registry.entities.count)
        let completedStart = aliases.count
        for (index, parts) in nameParts.enumerated() where !parts.isEmpty {
            completedAlias[index] = Int32(aliases.count)
            aliases.append(Alias(text: registry.entities[index].name, entities: [EntityIndex(index)], isVariant: true))
        }
        var completes = [Int32](repeating: -1, count: aliases.count)
        var covers = [Range<Int>?](repeating: nil, count: aliases.count)
        var startCovers = [[Range<Int>?]](repeating: [], count: aliases.count)
        for (index, alias) in aliases.enumerated() {
            let skeleton = alias.text.split { $0 == " " || $0 == "-" }.flatMap { NameSkeleton.of(String($0)) }
            startCovers[index] = alias.starts.map { AliasMatcher.parts(of: skeleton, in: nameParts[Int($0)]) }
            guard alias.entities.count == 1, !nameParts[Int(alias.entities[0])].isEmpty, index < completedStart else { continue }
            completes[index] = alias.entities[0]
            covers[index] = AliasMatcher.parts(of: skeleton, in: nameParts[Int(alias.entities[0])])
            if covers[index] == nil { completes[index] = -1 }
        }
        let exact = ByteTrie(keys: aliases.indices.filter { !aliases[$0].isVariant }.map { (aliases[$0].text, Int32($0)) })
        let loose = looseKeys.isEmpty ? nil : ByteTrie(keys: looseKeys)
        self.completionOnly = aliases.map(\.completionOnly)
        self.foldsExact = aliases.map { $0.isVariant && exactFolds.contains(LooseSpelling.fold($0.text)) }
        self.exactAlways = loose == nil || registry.entities.contains { !$0.variants && !$0.aliases.isEmpty }
        self.aliases = aliases
        self.exact = exact
        self.loose = loose
        self.completes = completes
        self.covers = covers
        self.startCovers = startCovers
        self.nameParts = nameParts
        self.completedAlias = completedAlias
    }

    /// Exact aliases only, without variants.
    init(aliases: [Alias]) {
        self.aliases = aliases
        self.exact = ByteTrie(keys: aliases.enumerated().map { ($1.text, Int32($0)) })
        self.loose = nil
        self.completes = [Int32](repeating: -1, count: aliases.count)
        self.covers = [Range<Int>?](repeating: nil, count: aliases.count)
        self.startCovers = [[Range<Int>?]](repeating: [], count: aliases.count)
        self.completionOnly = [Bool](repeating: false, count: aliases.count)
        self.foldsExact = [Bool](repeating: false, count: aliases.count)
        self.exactAlways = true
        self.nameParts = []
        self.completedAlias = []
    }

    /// The first and the last word of each name of two or more words of people whose
    /// variants are matched, by loose form: the people, and the word as written first.
    /// Words of one letter (`ए`) are left out, and words with a scalar that is no letter or
    /// vowel sign of a non-Latin script (`isShortFormScalar`). Also an organisation's name
    /// without the name of another entity it begins with (`सुरक्षा परिषद`), for that organisation.
    static func shortForms(_ registry: Registry) -> [String: (people: [EntityIndex], text: String)] {
        var forms: [String: (people: [EntityIndex], text: String)] = [:]
        for (index, entity) in registry.entities.enumerated() where entity.kind == .person && entity.variants {
            for name in AliasMatcher.names(of: entity) {
                let words = name.split(separator: " ")
                guard words.count >= 2 else { continue }
                for word in [words[0], words[words.count - 1]]
                where word.unicodeScalars.count >= 2 && word.unicodeScalars.allSatisfy(AliasMatcher.isShortFormScalar)
                    || AliasMatcher.isLatinShortForm(word) {
                    let key = LooseSpelling.fold(String(word))
                    guard !key.isEmpty else { continue }
                    var form = forms[key, default: ([], String(word))]
                    if !form.people.contains(EntityIndex(index)) { form.people.append(EntityIndex(index)) }
                    forms[key] = form
                }
            }
        }
        // An organisation's name after a name of another entity (`संयुक्त राष्ट्र सुरक्षा परिषद`:
        // `संयुक्त राष्ट्र` is the UN's) is written later by the rest alone (`सुरक्षा परिषद`).
        var heads = Set<String>()
        for entity in registry.entities where entity.kind != .person && entity.kind != .meeting {
            for name in AliasMatcher.names(of: entity) {
                heads.insert(LooseSpelling.fold(name))
                if entity.kind == .country { for demonym in LooseSpelling.demonyms(name) { heads.insert(LooseSpelling.fold(demonym)) } }
            }
        }
        for (index, entity) in registry.entities.enumerated() where entity.kind == .org && entity.variants {
            for name in AliasMatcher.names(of: entity) {
                let words = name.split(separator: " ")
                guard words.count >= 3 else { continue }
                for split in 1...(words.count - 2) {
                    let head = LooseSpelling.fold(words[..<split].joined(separator: " "))
                    guard heads.contains(head), !AliasMatcher.names(of: entity).contains(where: { LooseSpelling.fold($0) == head }) else { continue }
                    let tail = words[split...].joined(separator: " ")
                    let key = LooseSpelling.fold(tail)
                    var form = forms[key, default: ([], tail)]
                    if !form.people.contains(EntityIndex(index)) { form.people.append(EntityIndex(index)) }
                    forms[key] = form
                    break
                }
            }
        }
        return forms
    }

    /// An entity's aliases and canonical name, NFC, single spaces.
    static func names(of entity: Entity) -> [String] {
        (entity.aliases + [TextNormalization.nfc(entity.name)]).map(TextNormalization.collapsingWhitespace).filter { !$0.isEmpty }
    }

    /// Which run of a name's parts `skeleton` (an alias's, its words' one after the other) is.
    static func parts(of skeleton: [UInt8], in parts: [[UInt8]]) -> Range<Int>? {
        guard !skeleton.isEmpty else { return nil }
        for first in parts.indices {
            var joined: [UInt8] = []
            for last in first..<parts.count {
                joined += parts[last]
                if joined == skeleton { return first..<(last + 1) }
                if joined.count >= skeleton.count { break }
            }
        }
        return nil
    }

    /// Loose forms of the common words (`CommonWords`) that are not spelled as some alias.
    static func commonKeys(except spelled: Set<String>) -> Set<String> {
        var keys = Set<String>()
        for (word, key) in commonWordKeys where !spelled.contains(word) { keys.insert(key) }
        return keys
    }

    /// Each common word and its loose form, folded once per process.
    static let commonWordKeys: [(word: String, key: String)] = commonWords.map { ($0, LooseSpelling.fold($0)) }

    static let commonWords: [String] = CommonWords.list.split(whereSeparator: \.isWhitespace).map { TextNormalization.nfc(String($0)) }

    /// The bit of a word start: its first scalar and the next (nil at the end of the text).
    /// Aliases are stored with ASCII letters in lower case, so text scalars are folded too.
    @inline(__always)
    static func startBit(_ first: UInt32, _ second: UInt32?) -> Int {
        func fold(_ value: UInt32) -> UInt32 { value >= 65 && value <= 90 ? value + 32 : value }
        let pair = fold(first) &* 0x9E37_79B1 ^ (second.map(fold) ?? 0xFFFF_FFFF) &* 0x85EB_CA77
        return Int((pair ^ (pair >> 15)) & UInt32(startBits - 1))
    }

    static func foldASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// A Latin word of a name that may stand for it (`Trump`, `Zelensky`): three letters or
    /// more, capitalised; matched in that case only (`Alias.cased`), so never the word `park`.
    static func isLatinShortForm(_ word: Substring) -> Bool {
        guard word.count >= 3, let first = word.first, first.isASCII, first.isUppercase else { return false }
        return word.allSatisfy { $0.isASCII && $0.isLetter } && word.dropFirst().contains(where: \.isLowercase)
    }

    /// A letter or vowel sign of a script other than Latin: no digits (`Person 10`), no
    /// punctuation, and no Latin (case folding would make `Park` the word `park`).
    static func isShortFormScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .otherLetter, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Non-overlapping whole-word matches in UTF-8 `bytes`, left to right, longest first.
    /// `shortForms`: also a short form that no alias is (an alias with no entities and a
    /// `shortFor`), for the caller to resolve from context.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, shortForms: Bool = false) -> [Match] {
        guard aliases.count > 0 else { return [] }
        return Walk(exact: exact, loose: loose, completes: completes, covers: covers, startCovers: startCovers,
                    completionOnly: completionOnly, foldsExact: foldsExact, exactAlways: exactAlways, nameParts: nameParts,
                    completedAlias: completedAlias, aliases: aliases, shortForms: shortForms).matches(in: bytes)
    }

    func matches(in text: String, shortForms: Bool = false) -> [Match] {
        var copy = text
        return copy.withUTF8 { matches(in: $0, shortForms: shortForms) }
    }
}

/// A byte trie in flat arrays, kept in memory that the walk reads without array checks:
/// node n's edges are edgeByte/edgeTarget[edgeStart[n]..<edgeStart[n+1]]. Immutable once made.
final class ByteTrie: @unchecked Sendable {
    let edgeStart: UnsafeMutableBufferPointer<Int32>
    let edgeByte: UnsafeMutableBufferPointer<UInt8>
    let edgeTarget: UnsafeMutableBufferPointer<Int32>
    let terminal: UnsafeMutableBufferPointer<Int32>  // key's value ending at node, or -1
    // Bits set for the first two scalars of each key (or its only one): a word start whose
    // pair is not set starts no key, and the trie is not walked (most word starts).
    let starts: UnsafeMutableBufferPointer<UInt64>
    // Nodes with many edges (the root, the bytes that start a Devanagari letter) also have a
    // table by byte: node n's is dense[denseStart[n]...], or denseStart[n] is -1. A node
    // whose edges are all UTF-8 continuation bytes (80–BF) has a 64-entry table from 80,
    // others 256 entries from 0: small tables keep the walk in the cache.
    let denseStart: UnsafeMutableBufferPointer<Int32>
    let denseBase: UnsafeMutableBufferPointer<UInt8>
    let dense: UnsafeMutableBufferPointer<Int32>

    init(keys: [(String, Int32)]) {
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return buffer
        }
        var starts = [UInt64](repeating: 0, count: AliasMatcher.startBits / 64)
        for (text, _) in keys {
            var scalars = text.unicodeScalars.makeIterator()
            guard let first = scalars.next() else { continue }
            let bit = AliasMatcher.startBit(first.value, scalars.next()?.value)
            starts[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        // Build with dictionaries, then flatten.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        for (text, value) in keys {
            var node: Int32 = 0
            for byte in text.utf8 {
                if let next = children[Int(node)][byte] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    terminal.append(-1)
                    children[Int(node)][byte] = next
                    node = next
                }
            }
            terminal[Int(node)] = value
        }
        var edgeStart: [Int32] = [0]
        var edgeByte: [UInt8] = []
        var edgeTarget: [Int32] = []
        for edges in children {
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeByte.append(byte)
                edgeTarget.append(target)
            }
            edgeStart.append(Int32(edgeByte.count))
        }
        var denseStart = [Int32](repeating: -1, count: children.count)
        var denseBase = [UInt8](repeating: 0, count: children.count)
        var dense: [Int32] = []
        for (node, edges) in children.enumerated() where edges.count > AliasMatcher.denseThreshold {
            let continuation = edges.keys.allSatisfy { (0x80...0xBF).contains($0) }
            let base = continuation ? 0x80 : 0
            denseStart[node] = Int32(dense.count)
            denseBase[node] = UInt8(base)
            var table = [Int32](repeating: -1, count: continuation ? 64 : 256)
            for (byte, target) in edges { table[Int(byte) - base] = target }
            dense += table
        }
        self.starts = copy(starts)
        self.edgeStart = copy(edgeStart)
        self.edgeByte = copy(edgeByte)
        self.edgeTarget = copy(edgeTarget)
        self.terminal = copy(terminal)
        self.denseStart = copy(denseStart)
        self.denseBase = copy(denseBase)
        self.dense = copy(dense)
    }

    deinit {
        for buffer in [edgeStart, terminal, denseStart, dense] { buffer.deallocate() }
        edgeByte.deallocate()
        edgeTarget.deallocate()
        starts.deallocate()
        denseBase.deallocate()
    }

    @inline(__always)
    func child(of node: Int32, _ byte: UInt8) -> Int32 {
        let table = denseStart[Int(node)]
        if table >= 0 {
            let base = denseBase[Int(node)]
            if base == 0 { return dense[Int(table) + Int(byte)] }
            return byte >= 0x80 && byte <= 0xBF ? dense[Int(table) + Int(byte - 0x80)] : -1
        }
        var low = Int(edgeStart[Int(node)])
        let high = Int(edgeStart[Int(node) + 1])
        while low < high {
            if edgeByte[low] == byte { return edgeTarget[low] }
            low += 1
        }
        return -1
    }

    /// The node that `key`'s bytes lead to, if any.
    func node(for key: String) -> Int32? {
        var node: Int32 = 0
        for byte in key.utf8 {
            node = child(of: node, byte)
            if node < 0 { return nil }
        }
        return node
    }

    @inline(__always)
    func isSet(_ bit: Int) -> Bool { starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
}

/// One search over the two tiers.
private struct Walk {
    let exact: ByteTrie
    let loose: ByteTrie?
    let completes: [Int32]
    let covers: [Range<Int>?]
    let startCovers: [[Range<Int>?]]
    let completionOnly: [Bool]
    let foldsExact: [Bool]
    let exactAlways: Bool
    let nameParts: [[[UInt8]]]
    let completedAlias: [Int32]
    let aliases: [AliasMatcher.Alias]
    let shortForms: Bool

    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [AliasMatcher.Match] {
        var result: [AliasMatcher.Match] = []
        var position = 0
        let count = bytes.count
        var previousIsWord = false
        var lastEnd = 0
        while position < count {
            let (value, length) = WordBoundary.scalar(at: position, in: bytes)
            let isWord = WordBoundary.isWordScalar(value)
            if isWord && !previousIsWord, let match = bestMatch(at: position, first: value, length: length, lowerBound: lastEnd, in: bytes) {
                // A bare short form gives way to a name completed over it (`व्लादिमीर पुतिन`).
                if let last = result.last, match.start < last.end { result.removeLast() }
                result.append(match)
                position = match.end
                if !aliases[Int(match.alias)].entities.isEmpty { lastEnd = match.end }
                // The scalar before the next position is the match's last one.
                previousIsWord = !WordBoundary.isWordBoundary(before: position, in: bytes)
                continue
            }
            previousIsWord = isWord
            position += length
        }
        return result
    }

    /// The longer of the exact and the loose match at a word start (the exact one when as
    /// long), completed to the whole name where the words around it say so.
    @inline(__always)
    func bestMatch(at position: Int, first: UInt32, length: Int, lowerBound: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AliasMatcher.Match? {
        let second: UInt32? = position + length < bytes.count ? WordBoundary.scalar(at: position + length, in: bytes).0 : nil
        var found: AliasMatcher.Match?
        // The exact tier where the loose walk passed the loose form of an alias as written.
        var walkExact = exactAlways
        if let loose, mayStartLoose(loose, at: position, first: first, second: second, in: bytes) {
            (found, walkExact) = longestLooseMatch(loose, at: position, in: bytes, walkExact: walkExact)
        }
        var best: AliasMatcher.Match?
        if walkExact, exact.isSet(AliasMatcher.startBit(first, nil)) || (second.map { exact.isSet(AliasMatcher.startBit(first, $0)) } ?? false) {
            best = longestMatch(at: position, in: bytes)
        }
        if let found {
            let index = Int(found.alias)
            var whole: AliasMatcher.Match?
            if !startCovers[index].isEmpty {
                for (candidate, entity) in aliases[index].starts.enumerated() {
                    if let covered = startCovers[index][candidate],
                       let completed = complete(found, entity: Int(entity), covered: covered, lowerBound: lowerBound, whole: true, in: bytes),
                       completed.end > whole?.end ?? -1 {
                        whole = completed
                    }
                }
            }
            if let whole, whole.end > best?.end ?? -1 { return whole }
            if (!completionOnly[index] || shortForms && !aliases[index].shortFor.isEmpty) && found.end > best?.end ?? -1 { best = found }
        }
        guard let match = best else { return nil }
        let entity = completes[Int(match.alias)]
        if entity >= 0, let covered = covers[Int(match.alias)],
           let whole = complete(match, entity: Int(entity), covered: covered, lowerBound: lowerBound, whole: false, in: bytes) {
            return whole
        }
        return match
    }

    /// Whether some loose key starts with the folded first scalar of the word at `position`
    /// and the one after it (or consists of that one alone). Folds the two scalars alone
    /// where that gives what the reader would, else reads.
    @inline(__always)
    func mayStartLoose(_ trie: ByteTrie, at position: Int, first: UInt32, second: UInt32?, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let second, LooseSpelling.Reader.foldsAlone(first: first, second: second) {
            let folded = LooseSpelling.Reader.foldScalar(first)
            return trie.isSet(AliasMatcher.startBit(folded, nil))
                || trie.isSet(AliasMatcher.startBit(folded, LooseSpelling.Reader.foldScalar(second)))
        }
        var reader = LooseSpelling.Reader(bytes: bytes, index: position)
        guard let one = reader.next() else { return false }
        if trie.isSet(AliasMatcher.startBit(one, nil)) { return true }
        guard let two = reader.next() else { return false }
        return trie.isSet(AliasMatcher.startBit(one, two))
    }

    func longestMatch(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AliasMatcher.Match? {
        var node: Int32 = 0
        var best: AliasMatcher.Match?
        var index = start
        while index < bytes.count {
            var byte = bytes[index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            let next = exact.child(of: node, byte)
            guard next >= 0 else { break }
            node = next
            index += 1
            let alias = exact.terminal[Int(node)]
            if alias >= 0 && WordBoundary.isWordBoundary(after: index, in: bytes) {
                best = AliasMatcher.Match(start: start, end: index, alias: alias)
            }
        }
        return best
    }

    /// The longest loose match, and whether the walk passed the loose form of an alias as
    /// written (or `walkExact` already). A nasal sign in the text that the alias has not is
    /// passed over: where no key goes on with it, or, when one does (`किम योंग-…` beside `किम
    /// यो-जोंग`), by walking again from there without it once that key fails: a few times at
    /// most, so the walk stays linear.
    func longestLooseMatch(_ trie: ByteTrie, at start: Int, in bytes: UnsafeBufferPointer<UInt8>, walkExact: Bool)
        -> (AliasMatcher.Match?, Bool) {
        var reader = LooseSpelling.Reader(bytes: bytes, index: start)
        var node: Int32 = 0
        var best: AliasMatcher.Match?
        var passedExact = walkExact
        var retry: (node: Int32, reader: LooseSpelling.Reader)?
        var retries = 2
        scalars: while true {
            guard let scalar = reader.next() else {
                guard let (from, after) = retry else { break scalars }
                (node, reader, retry) = (from, after, nil)
                continue
            }
            let before = node
            // The folded scalar's UTF-8, byte by byte.
            if scalar < 0x80 {
                node = trie.child(of: node, UInt8(scalar))
            } else if scalar < 0x800 {
                node = trie.child(of: node, UInt8(0xC0 | (scalar >> 6)))
                if node >= 0 { node = trie.child(of: node, UInt8(0x80 | (scalar & 0x3F))) }
            } else if scalar < 0x10000 {
                node = trie.child(of: node, UInt8(0xE0 | (scalar >> 12)))
                if node >= 0 { node = trie.child(of: node, UInt8(0x80 | ((scalar >> 6) & 0x3F))) }
                if node >= 0 { node = trie.child(of: node, UInt8(0x80 | (scalar & 0x3F))) }
            } else {
                node = trie.child(of: node, UInt8(0xF0 | (scalar >> 18)))
                for shift in [12, 6, 0] where node >= 0 { node = trie.child(of: node, UInt8(0x80 | ((scalar >> UInt32(shift)) & 0x3F))) }
            }
            if reader.nasalSign && before != 0 {
                if node < 0 {
                    node = before
                    continue
                }
                if retry == nil && retries > 0 {
                    retry = (before, reader)
                    retries -= 1
                }
            }
            if node < 0 {
                guard let (from, after) = retry else { break scalars }
                (node, reader, retry) = (from, after, nil)
                continue
            }
            let alias = trie.terminal[Int(node)]
            if alias >= 0 {
                if foldsExact[Int(alias)] { passedExact = true }
                if reader.end > best?.end ?? -1, WordBoundary.isWordBoundary(after: reader.end, in: bytes),
                   !aliases[Int(alias)].cased || LooseSpelling.sameCase(bytes, start..<reader.end, as: aliases[Int(alias)].text) {
                    best = AliasMatcher.Match(start: start, end: reader.end, alias: alias)
                }
            }
        }
        return (best, passedExact)
    }

    // MARK: Completing a name

    /// `match` widened over the words before and after it that transliterate to the other
    /// parts of its entity's English name, or nil when none do. `whole`: only if every part
    /// of the name is then there.
    func complete(_ match: AliasMatcher.Match, entity: Int, covered: Range<Int>, lowerBound: Int, whole: Bool,
                  in bytes: UnsafeBufferPointer<UInt8>) -> AliasMatcher.Match? {
        let parts = nameParts[entity]
        // A one-letter part (`Il`, `Un`) only where the whole name is there.
        let shortest = whole ? 1 : 2
        var start = match.start, end = match.end
        // Before: the parts before, one word each, right to left.
        if covered.lowerBound > 0 {
            var cursor = match.start
            var found = true
            for part in parts[..<covered.lowerBound].reversed() {
                guard part.count >= shortest, let word = Walk.word(before: cursor, in: bytes), word.lowerBound >= lowerBound,
                      NameSkeleton.matches(bytes, word, part) else { found = false; break }
                cursor = word.lowerBound
            }
            if found { start = cursor } else if whole { return nil }
        }
        // After: the parts after; a word may hold two of them (`सुकयोल`).
        if covered.upperBound < parts.count {
            var cursor = match.end
            var next = covered.upperBound
            while next < parts.count {
                guard let word = Walk.word(after: cursor, in: bytes) else { break }
                if parts[next].count >= shortest && NameSkeleton.matches(bytes, word, parts[next]) {
                    next += 1
                } else if next + 1 < parts.count, case let two = parts[next] + parts[next + 1], two.count >= 3,
                          NameSkeleton.matches(bytes, word, two) {
                    next += 2
                } else {
                    break
                }
                cursor = word.upperBound
            }
            if next == parts.count { end = cursor } else if whole { return nil }
        }
        guard start != match.start || end != match.end else { return nil }
        return AliasMatcher.Match(start: start, end: end, alias: completedAlias[entity])
    }

    /// The word just before `index` across one to three separators (space, hyphen, joiner).
    static func word(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var cursor = index
        var separators = 0
        while cursor > 0, separators < 3 {
            var start = cursor - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let value = WordBoundary.scalar(at: start, in: bytes).0
            guard LooseSpelling.Reader.isSeparator(value) else { break }
            cursor = start
            separators += 1
        }
        guard separators > 0, cursor > 0 else { return nil }
        let end = cursor
        while cursor > 0 {
            var start = cursor - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let value = WordBoundary.scalar(at: start, in: bytes).0
            guard WordBoundary.isWordScalar(value), value != 0x200C, value != 0x200D else { break }
            cursor = start
        }
        return cursor < end ? cursor..<end : nil
    }

    /// The word just after `index` across one to three separators.
    static func word(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var cursor = index
        var separators = 0
        while cursor < bytes.count, separators < 3 {
            let (value, length) = WordBoundary.scalar(at: cursor, in: bytes)
            guard LooseSpelling.Reader.isSeparator(value) else { break }
            cursor += length
            separators += 1
        }
        guard separators > 0 else { return nil }
        let start = cursor
        while cursor < bytes.count {
            let (value, length) = WordBoundary.scalar(at: cursor, in: bytes)
            guard WordBoundary.isWordScalar(value), value != 0x200C, value != 0x200D else { break }
            cursor += length
        }
        return start < cursor ? start..<cursor : nil
    }
}
