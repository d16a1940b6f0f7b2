/// Finds registered aliases in text in one pass: a byte trie over the aliases' UTF-8
/// (NFC, ASCII letters folded to lower case), walked from each word start. Where
/// aliases overlap the longest wins; matches never start or end inside a word.
/// Cost grows with the text, not with the number of aliases.
public struct AliasMatcher: Sendable {
    /// One distinct alias text and the entities that carry it (more than one: ambiguous).
    public struct Alias: Sendable, Hashable {
        public var text: String
        public var entities: [EntityIndex]
        public var isAmbiguous: Bool { entities.count > 1 }
    }

    public struct Match: Sendable, Hashable {
        /// Byte range in the searched text.
        public var start: Int
        public var end: Int
        public var alias: Int32
    }

    public let aliases: [Alias]

    // Trie in flat arrays: node n's edges are edgeByte/edgeTarget[edgeStart[n]..<edgeStart[n+1]].
    private let edgeStart: [Int32]
    private let edgeByte: [UInt8]
    private let edgeTarget: [Int32]
    private let terminal: [Int32]  // alias index ending at node, or -1
    // Nodes with many edges (the root, the bytes that start a Devanagari letter) also have a
    // 256-entry table: node n's is dense[denseStart[n]...], or denseStart[n] is -1.
    private let denseStart: [Int32]
    private let dense: [Int32]
    static let denseThreshold = 4

    /// Builds the matcher from every entity's aliases and canonical name.
    public init(registry: Registry) {
        var entries: [String: [EntityIndex]] = [:]
        for (index, entity) in registry.entities.enumerated() {
            var names = entity.aliases
            names.append(TextNormalization.nfc(entity.name))
            for name in names where !name.isEmpty {
                let key = AliasMatcher.foldASCII(TextNormalization.collapsingWhitespace(name))
                var list = entries[key, default: []]
                if !list.contains(EntityIndex(index)) { list.append(EntityIndex(index)) }
                entries[key] = list
            }
        }
        self.init(aliases: entries.keys.sorted().map { Alias(text: $0, entities: entries[$0]!) })
    }

    public init(aliases: [Alias]) {
        self.aliases = aliases
        // Build with dictionaries, then flatten.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        for (aliasIndex, alias) in aliases.enumerated() {
            var node: Int32 = 0
            for byte in alias.text.utf8 {
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
            terminal[Int(node)] = Int32(aliasIndex)
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
        var dense: [Int32] = []
        for (node, edges) in children.enumerated() where edges.count > AliasMatcher.denseThreshold {
            denseStart[node] = Int32(dense.count)
            var table = [Int32](repeating: -1, count: 256)
            for (byte, target) in edges { table[Int(byte)] = target }
            dense += table
        }
        self.edgeStart = edgeStart
        self.edgeByte = edgeByte
        self.edgeTarget = edgeTarget
        self.terminal = terminal
        self.denseStart = denseStart
        self.dense = dense
    }

    static func foldASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Non-overlapping whole-word matches in UTF-8 `bytes`, left to right, longest first.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        guard aliases.count > 0 else { return [] }
        // The walk reads the trie through raw buffers: array accesses in the loop cost as
        // much as the walk itself.
        return denseStart.withUnsafeBufferPointer { denseStart in
            dense.withUnsafeBufferPointer { dense in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeByte.withUnsafeBufferPointer { edgeByte in
                        edgeTarget.withUnsafeBufferPointer { edgeTarget in
                            terminal.withUnsafeBufferPointer { terminal in
                                Walk(denseStart: denseStart, dense: dense, edgeStart: edgeStart, edgeByte: edgeByte,
                                     edgeTarget: edgeTarget, terminal: terminal).matches(in: bytes)
                            }
                        }
                    }
                }
            }
        }
    }

    public func matches(in text: String) -> [Match] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }
}

/// The trie's arrays as raw buffers, for one search.
private struct Walk {
    let denseStart: UnsafeBufferPointer<Int32>
    let dense: UnsafeBufferPointer<Int32>
    let edgeStart: UnsafeBufferPointer<Int32>
    let edgeByte: UnsafeBufferPointer<UInt8>
    let edgeTarget: UnsafeBufferPointer<Int32>
    let terminal: UnsafeBufferPointer<Int32>

    @inline(__always)
    func child(of node: Int32, _ byte: UInt8) -> Int32 {
        let table = denseStart[Int(node)]
        if table >= 0 { return dense[Int(table) + Int(byte)] }
        var low = Int(edgeStart[Int(node)])
        let high = Int(edgeStart[Int(node) + 1])
        while low < high {
            if edgeByte[low] == byte { return edgeTarget[low] }
            low += 1
        }
        return -1
    }

    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [AliasMatcher.Match] {
        var result: [AliasMatcher.Match] = []
        var position = 0
        let count = bytes.count
        var previousIsWord = false
        while position < count {
            let (value, length) = WordBoundary.scalar(at: position, in: bytes)
            let isWord = WordBoundary.isWordScalar(value)
            if isWord && !previousIsWord, let match = longestMatch(at: position, in: bytes) {
                result.append(match)
                position = match.end
                // The scalar before the next position is the match's last one.
                previousIsWord = !WordBoundary.isWordBoundary(before: position, in: bytes)
                continue
            }
            previousIsWord = isWord
            position += length
        }
        return result
    }

    func longestMatch(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AliasMatcher.Match? {
        var node: Int32 = 0
        var best: AliasMatcher.Match?
        var index = start
        while index < bytes.count {
            var byte = bytes[index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            let next = child(of: node, byte)
            guard next >= 0 else { break }
            node = next
            index += 1
            let alias = terminal[Int(node)]
            if alias >= 0 && WordBoundary.isWordBoundary(after: index, in: bytes) {
                best = AliasMatcher.Match(start: start, end: index, alias: alias)
            }
        }
        return best
    }
}
