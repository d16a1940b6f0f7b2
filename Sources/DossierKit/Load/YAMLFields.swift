import Yams

/// Typed access to one YAML mapping (a registry entry or an article's front matter),
/// recording every problem as a diagnostic with its line instead of stopping.
struct YAMLFields {
    let file: String
    let mapping: Node.Mapping
    /// Added to Yams' line numbers (front matter starts below the file's first line).
    let lineOffset: Int
    let line: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var values: [String: Node] = [:]
    private var lines: [String: Int] = [:]

    init(file: String, mapping: Node.Mapping, lineOffset: Int = 0) {
        self.file = file
        self.mapping = mapping
        self.lineOffset = lineOffset
        self.line = (mapping.mark?.line ?? 1) + lineOffset
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                let keyLine = (key.mark?.line ?? 1) + lineOffset
                diagnostics.append(.error(file, keyLine, "a key must be a plain name"))
                continue
            }
            if values[name] != nil {
                diagnostics.append(.error(file, (key.mark?.line ?? 1) + lineOffset, "key \"\(name)\" is given twice",
                                          hint: "keep one"))
            }
            values[name] = value
            lines[name] = (key.mark?.line ?? 1) + lineOffset
        }
    }

    func lineOf(_ key: String) -> Int { lines[key] ?? line }

    var keys: [String] { Array(values.keys) }
    var keyLines: [String: Int] { lines }

    /// A scalar value; nil when absent or empty. Reports a list or mapping where text belongs.
    mutating func string(_ key: String) -> String? {
        guard let node = values[key] else { return nil }
        switch node {
        case .scalar(let scalar):
            // `key:` with nothing after it.
            if scalar.style == .plain && scalar.string.isEmpty { return nil }
            let text = visible(scalar.string, line: lineOf(key)).trimmingWhitespace
            return text.isEmpty ? nil : text
        default:
            diagnostics.append(.error(file, lineOf(key), "\"\(key)\" must be text, not a list or mapping"))
            return nil
        }
    }

    /// Characters a value repeated on many pages may have: a site's title, an entity's name
    /// (in every mention's link), an article's title (on every page of what it mentions).
    static let repeatedValueLimit = 300

    /// Reports `value` of `key` when it is longer than `limit` characters: it is written
    /// again on every page that shows it, so its length multiplies the site's size.
    mutating func checkLength(_ key: String, _ value: String?, limit: Int = YAMLFields.repeatedValueLimit, shownOn: String) {
        guard let value, value.utf8.count > limit, value.count > limit else { return }
        diagnostics.append(.error(file, lineOf(key), "\(key) is \(value.count) characters long (at most \(limit))",
                                  hint: "it is written on \(shownOn): shorten it"))
    }

    /// A required scalar value.
    mutating func required(_ key: String, what: String) -> String? {
        if let value = string(key) { return value }
        if values[key] == nil {
            diagnostics.append(.error(file, line, "missing \"\(key)\"", hint: "add \(key): \(what)"))
        } else if case .scalar = values[key]! {
            diagnostics.append(.error(file, lineOf(key), "\"\(key)\" is empty", hint: "give \(what)"))
        }
        return nil
    }

    /// `true` or `false` (YAML's other spellings, `yes`, `no`, are refused: they read as text elsewhere).
    mutating func bool(_ key: String) -> Bool? {
        guard values[key] != nil, let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(file, lineOf(key), "\"\(key)\" must be true or false, not \"\(text)\"",
                                      hint: "write \(key): true"))
            return nil
        }
    }

    /// A list of scalars; a single scalar counts as a list of one.
    mutating func list(_ key: String) -> [String] {
        guard let node = values[key] else { return [] }
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingWhitespace
            return text.isEmpty || text == "~" || text == "null" ? [] : [text]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                if let text = item.scalar.map({ visible($0.string, line: lineOf(key)).trimmingWhitespace }) {
                    if !text.isEmpty { result.append(text) }
                } else {
                    diagnostics.append(.error(file, (item.mark?.line ?? lineOf(key)) + (item.mark == nil ? 0 : lineOffset),
                                              "each item of \"\(key)\" must be text"))
                }
            }
            return result
        default:
            diagnostics.append(.error(file, lineOf(key), "\"\(key)\" must be a list, like [a, b]"))
            return []
        }
    }

    /// Warns about keys outside `known`, suggesting the nearest known key.
    mutating func warnUnknownKeys(_ known: [String]) {
        for key in values.keys.sorted() where !known.contains(key) {
            diagnostics.append(.warning(file, lineOf(key), "unknown key \"\(key)\" is ignored",
                                        hint: Suggestion.hint(for: key, among: known)))
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// A value without invisible controls. Loading removed those written as characters;
    /// these came from escapes in double quotes ("\u202E", "\x01").
    private mutating func visible(_ text: String, line: Int) -> String {
        let (clean, found) = InvisibleControls.removing(from: text, file: file, lineOffset: line - 1)
        diagnostics += found
        return clean
    }
}

extension YAMLFields {
    /// The YAML's node tree. Refuses anchors first (see `YAMLAnchors`), reporting the line.
    static func compose(_ text: String, file: String, lineOffset: Int = 0) throws -> Node? {
        if let line = YAMLAnchors.firstAnchorLine(in: text) {
            throw Diagnostic.error(file, line + lineOffset, "YAML anchors (&name) and aliases (*name) are not allowed in content",
                                   hint: "write the value out in full, or put it in quotes if it is text")
        }
        // An explicit encoding: Yams's default reads the whole environment on every call.
        // No tag resolution: every value is read as text, and resolving ran seven regular
        // expressions over each plain scalar of 10,000 front matters.
        return try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    /// Turns a Yams error into a diagnostic at its line.
    static func diagnostic(for error: any Error, file: String, lineOffset: Int = 0) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                return .error(file, mark.line + lineOffset, "malformed YAML: \(what)",
                              hint: "check indentation, quotes and colons on this line or the one before")
            case .reader(let problem, _, _, _):
                return .error(file, nil, "unreadable YAML: \(problem)", hint: "save the file as UTF-8 text")
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .error(file, context.mark.line + lineOffset,
                              "key given twice: \(duplicates.joined(separator: ", "))", hint: "keep one")
            default:
                return .error(file, nil, "malformed YAML: \(yamlError)")
            }
        }
        return .error(file, nil, "malformed YAML: \(error)")
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
