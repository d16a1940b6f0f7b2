/// The theme's mention link (`mention.mustache`) for every entity, cut once per build at a
/// page root, and the article body's neutral markers (`MentionMarker`) turned into it. Each
/// entity's link is filled in except its anchor and its text, so a mention costs two copies
/// of fixed text and its anchor.
struct MentionMarkup: Sendable {
    /// The fields `mention.mustache` is given, and the one that holds the mention's text
    /// (HTML), which it must write once as `{{{text}}}`.
    static let fields = ["kind", "id", "name", "url", "anchor", "text"]
    private static let textField = 5

    /// Every entity's link, as pieces of text between which the anchor's id goes: per
    /// entity, where its pieces before the mention's text start in `pieces` and how many
    /// there are, then the same for those after it (one flat array: reading a nested one per
    /// mention retained and released it).
    private let pieces: [String]
    private let ranges: [(open: Int32, openCount: Int32, close: Int32, closeCount: Int32)]

    /// `Theme.load` refuses a `mention` that does not write its text once, raw, or that
    /// changes a value on its way; were one to come here, its mentions would be plain text.
    init(theme: Theme, registry: Registry, root: String) {
        let cut = TemplateCut(.mention, fields: MentionMarkup.fields, theme: theme)
        var pieces: [String] = []
        var ranges: [(open: Int32, openCount: Int32, close: Int32, closeCount: Int32)] = []
        ranges.reserveCapacity(registry.entities.count)
        for entity in registry.entities {
            let values = [entity.kind.rawValue, entity.id, entity.name, root + entity.pagePath]
            let (open, close) = cut.filled({ $0 < values.count ? values[$0] : nil }).flatMap(MentionMarkup.split) ?? ([""], [""])
            ranges.append((Int32(pieces.count), Int32(open.count), Int32(pieces.count + open.count), Int32(close.count)))
            pieces += open + close
        }
        self.pieces = pieces
        self.ranges = ranges
    }

    /// The pieces around the one raw text hole, cut at each anchor hole.
    private static func split(_ pieces: [TemplateCut.Piece]) -> ([String], [String])? {
        guard pieces.filter({ if case .hole(textField, _) = $0 { true } else { false } }).count == 1 else { return nil }
        var open = [""], close = [""]
        var afterText = false
        for piece in pieces {
            switch piece {
            case .text(let text):
                if afterText { close[close.count - 1] += text } else { open[open.count - 1] += text }
            case .hole(textField, let escaped):
                guard !escaped else { return nil }
                afterText = true
            case .hole:
                if afterText { close.append("") } else { open.append("") }
            }
        }
        return (open, close)
    }

    /// `body` with each mention's markers replaced by its link. Marker numbers out of range
    /// (which no content can make) are dropped. The text between markers is appended as
    /// slices of `body`, which need no second check as UTF-8 (bytes and one check were slower).
    func html(_ body: String) -> String {
        guard body.utf8.withContiguousStorageIfAvailable({ _ in true }) != nil else {
            var copy = body
            copy.makeContiguousUTF8()
            return html(copy)
        }
        let utf8 = body.utf8
        var out = ""
        out.reserveCapacity(utf8.count + utf8.count / 2)
        // Open links: entity (-1 for a marker naming none) and anchor.
        var open: [(entity: Int32, anchor: Int32)] = []
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        pieces.withUnsafeBufferPointer { pieces in
            ranges.withUnsafeBufferPointer { ranges in
                func write(_ start: Int32, _ count: Int32, _ anchor: Int32) {
                    for position in 0..<Int(count) {
                        if position > 0 { out += PageFile.anchorID(anchor) }
                        out += pieces[Int(start) + position]
                    }
                }
                utf8.withContiguousStorageIfAvailable { bytes in
                    func marker(at position: Int) -> UInt8? {
                        position + 2 < bytes.count && bytes[position] == 0xEF && bytes[position + 1] == 0xB7 ? bytes[position + 2] : nil
                    }
                    func number(from position: inout Int) -> Int? {
                        var value = 0, digits = 0
                        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57, digits < 9 {
                            value = value * 10 + Int(bytes[position] - 48)
                            position += 1
                            digits += 1
                        }
                        return digits > 0 ? value : nil
                    }
                    var index = 0, copied = 0
                    while index < bytes.count {
                        guard bytes[index] == 0xEF, let kind = marker(at: index),
                              kind == MentionMarker.openStartByte || kind == MentionMarker.closeByte else {
                            index += 1
                            continue
                        }
                        out += body[at(copied)..<at(index)]
                        if kind == MentionMarker.closeByte {
                            index += 3
                            if let last = open.popLast(), last.entity >= 0 {
                                let range = ranges[Int(last.entity)]
                                write(range.close, range.closeCount, last.anchor)
                            }
                        } else {
                            var cursor = index + 3
                            let entity = number(from: &cursor)
                            if marker(at: cursor) == MentionMarker.separatorByte {
                                cursor += 3
                                let anchor = number(from: &cursor)
                                if marker(at: cursor) == MentionMarker.openEndByte {
                                    cursor += 3
                                    if let entity, let anchor, entity < ranges.count {
                                        let range = ranges[entity]
                                        write(range.open, range.openCount, Int32(anchor))
                                        open.append((Int32(entity), Int32(anchor)))
                                    } else {
                                        open.append((-1, 0))
                                    }
                                }
                            }
                            // A marker cut short (none can be: loading removes them from content) is dropped.
                            index = max(cursor, index + 3)
                        }
                        copied = index
                    }
                    out += body[at(copied)...]
                }
                for last in open.reversed() where last.entity >= 0 {
                    let range = ranges[Int(last.entity)]
                    write(range.close, range.closeCount, last.anchor)
                }
            }
        }
        return out
    }
}
