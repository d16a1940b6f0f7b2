import Foundation
import Yams

/// How a rule recognises a line of a raw page. Lines are compared trimmed, with runs of
/// white space as one space; `exact` and `prefix` ignore letter case.
enum LinePattern: Sendable {
    case exact(String)
    case prefix(String)
    case regex(NSRegularExpression, groups: Set<String>)

    /// The named groups' text when `line` matches (empty for `exact` and `prefix`), else nil.
    func match(_ line: String) -> [String: String]? { match(line, lowered: line.lowercased()) }

    /// `lowered` is `line.lowercased()`, made once for all the rules a line is tried against.
    func match(_ line: String, lowered: String) -> [String: String]? {
        switch self {
        case .exact(let text):
            return lowered == text ? [:] : nil
        case .prefix(let text):
            return lowered.hasPrefix(text) ? [:] : nil
        case .regex(let regex, let groups):
            let whole = NSRange(location: 0, length: (line as NSString).length)
            guard let match = regex.firstMatch(in: line, range: whole) else { return nil }
            var captures: [String: String] = [:]
            for name in groups {
                let range = match.range(withName: name)
                if range.location != NSNotFound, let swiftRange = Range(range, in: line) {
                    captures[name] = String(line[swiftRange]).trimmingWhitespace
                }
            }
            return captures
        }
    }
}

/// One rule of `import-rules.yml`.
struct LineRule: Sendable {
    var pattern: LinePattern
    /// How many lines after the matching one go with it (a caption under a video teaser).
    var next: Int
    /// The outlet that a line like this names, when only one outlet prints it.
    var source: String?
    /// Where the rule is written, for messages.
    var file: String
    var line: Int

    init(pattern: LinePattern, next: Int = 0, source: String? = nil, file: String = "", line: Int = 0) {
        self.pattern = pattern
        self.next = next
        self.source = source
        self.file = file
        self.line = line
    }
}

/// A news outlet or agency: the name written as `source:`, and how pages name it
/// (Hindi spellings, web site hosts).
struct Outlet: Sendable, Hashable {
    var name: String
    var aliases: [String]
}

/// The boilerplate rules of `dossier import`, from `content/import-rules.yml`: which lines
/// of a raw page are not the article, and which name its source.
struct ImportRules: Sendable {
    /// Lines dropped wherever they appear.
    var drop: [LineRule] = []
    /// Lines from which the rest of the page is dropped.
    var cut: [LineRule] = []
    /// Agency sign-offs and editor initials (group `agency`).
    var signOffs: [LineRule] = []
    /// Photo and video captions.
    var captions: [LineRule] = []
    /// Bylines (groups `source`, `author`).
    var bylines: [LineRule] = []
    /// Lines giving the original address (group `url`, optional `source`).
    var sourceLinks: [LineRule] = []
    var outlets: [Outlet] = []
    /// Where the rules come from, for messages.
    var file: String = ""

    init() {}

    /// The outlet's name for an agency as written (`आईएएनएस`) or a web address's host.
    func outletName(for written: String) -> String? {
        let key = TextNormalization.nfc(written.trimmingWhitespace).lowercased()
        let host = URLHost.of(key) ?? key
        for outlet in outlets {
            for alias in outlet.aliases {
                let name = alias.lowercased()
                if name == key || name == host || host.hasSuffix("." + name) { return outlet.name }
            }
        }
        return nil
    }

    // MARK: - Loading

    /// The file's name in a content folder.
    static let fileName = "import-rules.yml"

    /// Section names and what each holds, for messages.
    static let sections = ["drop", "cut", "sign_offs", "captions", "bylines", "source_links", "outlets"]

    /// Loads `<content>/import-rules.yml`; without one, the built-in rules and a warning.
    static func load(contentDirectory: String) -> (ImportRules?, [Diagnostic]) {
        let root = contentDirectory.withoutTrailingSlashes
        let path = root + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else {
            let (rules, _) = parse(DefaultImportRules.yaml, file: "(built-in import rules)")
            return (rules, [.warning(path, nil, "no \(fileName); using the built-in boilerplate rules",
                                     hint: "create it to add your own rules (see the README, \"Adding a boilerplate rule\")")])
        }
        switch ContentFile.readText(path, display: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text): return parse(text, file: path)
        }
    }

    /// Rules from YAML text; nil when any rule has an error (every problem is reported).
    static func parse(_ text: String, file: String) -> (ImportRules?, [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            return (nil, [YAMLFields.diagnostic(for: error, file: file)])
        }
        var rules = ImportRules()
        rules.file = file
        guard let root else { return (rules, []) }
        guard case .mapping(let mapping) = root else {
            return (nil, [.error(file, root.mark?.line ?? 1, "\(fileName) must be sections (drop:, cut:, ...) holding lists of rules",
                                 hint: "see the comments at the top of the built-in file in the README")])
        }
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            let line = key.mark?.line ?? 1
            guard let section = key.scalar?.string else { continue }
            guard sections.contains(section) else {
                diagnostics.append(.warning(file, line, "unknown section \"\(section)\" is ignored",
                                            hint: Suggestion.hint(for: section, among: sections) ?? "sections are \(sections.joined(separator: ", "))"))
                continue
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" { continue }
            guard case .sequence(let items) = value else {
                diagnostics.append(.error(file, line, "\"\(section)\" must be a list of rules", hint: "start each rule with \"- \""))
                continue
            }
            for item in items {
                guard case .mapping(let itemMapping) = item else {
                    diagnostics.append(.error(file, item.mark?.line ?? line, "each rule of \"\(section)\" must be a mapping",
                                              hint: section == "outlets" ? "write it like \"- name: IANS\"" : "write it like \"- exact: spot_img\""))
                    continue
                }
                var fields = YAMLFields(file: file, mapping: itemMapping)
                if section == "outlets" {
                    fields.warnUnknownKeys(["name", "aliases"])
                    if let name = fields.required("name", what: "the name to write as source:") {
                        rules.outlets.append(Outlet(name: name, aliases: fields.list("aliases").map(TextNormalization.nfc)))
                    }
                    diagnostics += fields.diagnostics
                    continue
                }
                let rule = lineRule(&fields, section: section)
                diagnostics += fields.diagnostics
                guard let rule else { continue }
                switch section {
                case "drop": rules.drop.append(rule)
                case "cut": rules.cut.append(rule)
                case "sign_offs": rules.signOffs.append(rule)
                case "captions": rules.captions.append(rule)
                case "bylines": rules.bylines.append(rule)
                default: rules.sourceLinks.append(rule)
                }
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : rules, diagnostics)
    }

    /// Named groups each section reads; a regex naming others gets a warning.
    static let groupNames: [String: [String]] = [
        "sign_offs": ["agency"], "bylines": ["source", "author"], "source_links": ["url", "source"],
    ]

    private static func lineRule(_ fields: inout YAMLFields, section: String) -> LineRule? {
        fields.warnUnknownKeys(["exact", "prefix", "regex", "next", "source"])
        let file = fields.file
        let given = ["exact", "prefix", "regex"].filter { fields.keys.contains($0) }
        guard given.count == 1, let kind = given.first else {
            fields.report(.error(file, fields.line, given.isEmpty ? "rule has no pattern" : "rule has more than one pattern (\(given.joined(separator: ", ")))",
                                 hint: "give exactly one of exact:, prefix: or regex:"))
            return nil
        }
        guard let text = fields.string(kind) else {
            fields.report(.error(file, fields.lineOf(kind), "\(kind): is empty", hint: "give the text to match, or remove the rule"))
            return nil
        }
        let clean = TextNormalization.collapsingWhitespace(TextNormalization.nfc(text))
        let pattern: LinePattern
        switch kind {
        case "exact": pattern = .exact(clean.lowercased())
        case "prefix": pattern = .prefix(clean.lowercased())
        default:
            do {
                let regex = try NSRegularExpression(pattern: TextNormalization.nfc(text))
                let groups = namedGroups(in: text)
                let known = groupNames[section] ?? []
                for name in groups.sorted() where !known.contains(name) {
                    fields.report(.warning(file, fields.lineOf(kind), "group \"\(name)\" means nothing in \(section) and is ignored",
                                           hint: known.isEmpty ? "remove the name: (?:...) or (...)" : "name it \(known.joined(separator: " or "))"))
                }
                pattern = .regex(regex, groups: groups.intersection(known))
            } catch {
                fields.report(.error(file, fields.lineOf(kind), "invalid regular expression \(text)",
                                     hint: "check brackets and escapes; write it in single quotes so backslashes stay as they are"))
                return nil
            }
        }
        if section == "source_links" {
            guard case .regex(_, let groups) = pattern, groups.contains("url") else {
                fields.report(.error(file, fields.lineOf(kind), "a source_links rule must be a regex with a group named url",
                                     hint: "e.g. regex: '^स्रोत:\\s*(?<url>https?://\\S+)$'"))
                return nil
            }
        }
        var next = 0
        if let written = fields.string("next") {
            if let value = Int(written), value >= 0, value <= 20 {
                next = value
            } else {
                fields.report(.error(file, fields.lineOf("next"), "next: \(written) is not a number of lines",
                                     hint: "write how many following lines go with the match, e.g. next: 1"))
            }
        }
        return LineRule(pattern: pattern, next: next, source: fields.string("source"), file: file, line: fields.line)
    }

    /// `name` of every `(?<name>...)` in a pattern.
    static func namedGroups(in pattern: String) -> Set<String> {
        let finder = try! NSRegularExpression(pattern: "\\(\\?<([A-Za-z][A-Za-z0-9]*)>")
        let whole = NSRange(location: 0, length: (pattern as NSString).length)
        return Set(finder.matches(in: pattern, range: whole).compactMap { match in
            Range(match.range(at: 1), in: pattern).map { String(pattern[$0]) }
        })
    }
}
