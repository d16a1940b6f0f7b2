/// Mentions the build marks where cmark cannot hold a custom node: a GFM table cell takes only
/// some inline kinds, and a mention inserted there was dropped with its text (and its
/// anchor, which entity pages link to). There the mention's text goes in as ordinary text
/// between markers, and the rendered HTML gets the mention's own markers (`MentionMarker`)
/// in place of these.
/// The markers are noncharacters (U+FDD0–FDD2), which loading removes from all content, so
/// no article text can forge one (nor can a character reference: `Annotator.removeDecodedControls`
/// removes what cmark decodes); a marker's replacement comes from this list, never from the text, and
/// each is spliced in at most once, so even a forged marker could not copy a mention's anchor.
struct InlineMarkers {
    private var tags: [(open: String, close: String)] = []

    var isEmpty: Bool { tags.isEmpty }

    /// The text to insert in place of a link `open` `text` `close`.
    mutating func wrap(_ text: String, open: String, close: String) -> String {
        openMarker(open: open, close: close) + text + InlineMarkers.closeMarker
    }

    /// The marker that stands for `open`, remembering `close` for the matching close marker.
    mutating func openMarker(open: String, close: String) -> String {
        tags.append((open, close))
        return InlineMarkers.openStart + String(tags.count - 1) + InlineMarkers.openEnd
    }

    // Swift refuses noncharacters in string literals; they are made from their values.
    static let openStart = String(Unicode.Scalar(0xFDD0)!)
    static let openEnd = String(Unicode.Scalar(0xFDD1)!)
    static let closeMarker = String(Unicode.Scalar(0xFDD2)!)

    /// `html` with each marker replaced by its tag.
    func splice(_ html: String) -> String {
        guard !tags.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + tags.count * 120)
        var open: [Int] = []
        var used = [Bool](repeating: false, count: tags.count)
        var index = 0
        // U+FDD0, U+FDD1, U+FDD2 are EF B7 90, EF B7 91, EF B7 92 in UTF-8.
        func marker(at position: Int) -> UInt8? {
            position + 2 < bytes.count && bytes[position] == 0xEF && bytes[position + 1] == 0xB7
                && (0x90...0x92).contains(bytes[position + 2]) ? bytes[position + 2] : nil
        }
        while index < bytes.count {
            switch marker(at: index) {
            case 0x90:
                var number = 0, cursor = index + 3
                while cursor < bytes.count, (48...57).contains(bytes[cursor]), number < tags.count { number = number * 10 + Int(bytes[cursor] - 48); cursor += 1 }
                if marker(at: cursor) == 0x91, number < tags.count {
                    // A number seen before is not opened again; its close marker closes nothing.
                    if used[number] {
                        open.append(-1)
                    } else {
                        used[number] = true
                        out += Array(tags[number].open.utf8)
                        open.append(number)
                    }
                    index = cursor + 3
                } else {
                    index += 3
                }
            case 0x92:
                if let number = open.popLast(), number >= 0 { out += Array(tags[number].close.utf8) }
                index += 3
            default:
                out.append(bytes[index])
                index += 1
            }
        }
        for number in open.reversed() where number >= 0 { out += Array(tags[number].close.utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}
