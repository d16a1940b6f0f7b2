/// A small template of the theme cut once into fixed text and holes, for the markup a site
/// repeats hundreds of thousands of times (a sentence, a highlighted mention, an aside item):
/// filling its holes costs no Mustache. The template is rendered once with a marker in each
/// field (`TemplateShapes.marker`); where the markers land, raw (`{{{field}}}`) or escaped
/// (`{{field}}`), are the holes. Each value given must be non-empty, since an empty one would
/// take another path through a section (`{{#field}}`); a field that may be absent is a second
/// cut without it. A theme that changes a value's text on its way (a lambda) is rendered by
/// Mustache each time instead, with the same result. A class: the hot paths hold a cut per
/// sentence, and copying a struct of arrays retained each of them.
final class TemplateCut: Sendable {
    let template: TemplateName
    /// The fields, in the order `append`'s values come in.
    let fields: [String]
    private let lists: [(String, Int)]
    private let flags: [String: Bool]
    private let theme: Theme
    /// The text between the holes, and the holes: no text when a marker did not come out as
    /// it went in (the template is then rendered each time).
    private let texts: [String]
    private let holes: [(value: Int, escaped: Bool)]

    /// `flags`: the template's booleans, fixed for this cut. `lists`: list fields of strings
    /// and their lengths, fixed too; their items' values follow the fields' in `append`, list
    /// by list in the order of their names.
    init(_ template: TemplateName, fields: [String], lists: [String: Int] = [:], flags: [String: Bool] = [:], theme: Theme) {
        self.template = template
        self.fields = fields
        self.lists = lists.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.flags = flags
        self.theme = theme
        let count = fields.count + lists.values.reduce(0, +)
        let spliced = TemplateShapes.splice(theme.interpret(template, TemplateCut.context(fields, self.lists, flags, (0..<count).map(TemplateShapes.marker))))
        self.texts = spliced?.texts ?? []
        self.holes = spliced?.holes ?? []
    }

    private static func context(_ fields: [String], _ lists: [(String, Int)], _ flags: [String: Bool], _ values: [String]) -> [String: Any] {
        var context: [String: Any] = flags
        for (field, value) in zip(fields, values) { context[field] = value }
        var next = fields.count
        for (name, length) in lists {
            context[name] = Array(values[next..<next + length])
            next += length
        }
        return context
    }

    /// Appends the template filled with `values` (in `fields`' order).
    func append(to html: inout String, _ values: [String]) {
        guard !texts.isEmpty else {
            html += theme.interpret(template, TemplateCut.context(fields, lists, flags, values))
            return
        }
        TemplateShapes.append(texts, holes, values, to: &html)
    }

    /// Appends the template, each hole written by `write` (the field's index in `fields`)
    /// straight into `html`: the hot paths make no string per value. What `write` put into an
    /// escaped hole is escaped afterwards when it holds a markup character. For cuts without lists.
    func append(to html: inout String, writing write: (Int, inout String) -> Void) {
        guard !texts.isEmpty else {
            let values = fields.indices.map { field -> String in
                var value = ""
                write(field, &value)
                return value
            }
            append(to: &html, values)
            return
        }
        for (position, hole) in holes.enumerated() {
            html += texts[position]
            guard hole.escaped else {
                write(hole.value, &html)
                continue
            }
            let start = html.utf8.count
            write(hole.value, &html)
            let written = html.utf8.index(html.utf8.startIndex, offsetBy: start)
            if html.utf8[written...].contains(where: HTML.needsEscaping) {
                let value = String(html[written...])
                html.removeSubrange(written...)
                html += HTML.escape(value)
            }
        }
        html += texts[texts.count - 1]
    }

    /// The template filled with `values` (the value at `field` unused), before and after the
    /// hole of `field`; nil unless the cut holds that field once, raw.
    func split(at field: Int, _ values: [String]) -> (before: String, after: String)? {
        let raw = Piece.hole(field: field, escaped: false)
        // Every other field is filled, so the holes left are that field's.
        guard let pieces = filled({ $0 == field ? nil : values[$0] }),
              pieces.filter({ if case .hole = $0 { true } else { false } }) == [raw],
              let at = pieces.firstIndex(of: raw) else { return nil }
        func text(_ pieces: ArraySlice<Piece>) -> String { pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined() }
        return (text(pieces[..<at]), text(pieces[(at + 1)...]))
    }

    /// Fixed text or a hole of a partly filled cut.
    enum Piece: Sendable, Equatable {
        case text(String)
        case hole(field: Int, escaped: Bool)
    }

    /// The template with the fields `fill` gives a value for filled in (by their index in
    /// `fields`), the others left as holes; text that meets is merged. Nil when the cut
    /// failed (a value changed on its way): there is then no fixed text to keep.
    func filled(_ fill: (Int) -> String?) -> [Piece]? {
        guard !texts.isEmpty else { return nil }
        var pieces: [Piece] = []
        var text = ""
        for (position, hole) in holes.enumerated() {
            text += texts[position]
            if let value = fill(hole.value) {
                text += hole.escaped ? HTML.escape(value) : value
            } else {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.hole(field: hole.value, escaped: hole.escaped))
            }
        }
        text += texts[texts.count - 1]
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }
}
