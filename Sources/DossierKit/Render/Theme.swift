import Foundation
import Mustache

/// The templates of a theme (`templates/*.mustache`) and its `assets/` folder.
public struct Theme: Sendable {
    /// Templates every theme must have (`TemplateName`): one per kind of page, the shared layout and the reused parts.
    public static let requiredTemplates = TemplateName.allCases.map(\.rawValue)

    let library: MustacheLibrary
    let shapes: TemplateShapes
    public let directory: String
    public let names: [String]

    /// Loads and parses every template, reporting each one that does not parse, each
    /// required template that is missing and each partial that names no template.
    public static func load(directory: String) -> Result<Theme, ContentErrors> {
        let root = directory.withoutTrailingSlashes
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            return .failure(ContentErrors([.error(root, nil, "templates folder not found",
                                                  hint: "pass --templates PATH (the default theme is in templates/)")]))
        }
        HTMLContentType.registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var texts: [String: (String, String)] = [:]
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let display = root + "/" + file
            switch ContentFile.readText(root + "/" + file, display: display) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                do {
                    library.register(try MustacheTemplate(string: HTMLContentType.pragma + text), named: name)
                    texts[name] = (display, text)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma line put before the text shifts lines by one.
                    diagnostics.append(.error(display, max(1, error.context.lineNumber - 1), "template does not parse: \(error.error)",
                                              hint: "check the tag near column \(error.context.columnNumber)"))
                } catch {
                    diagnostics.append(.error(display, nil, "template does not parse: \(error)"))
                }
            }
        }
        for required in requiredTemplates where texts[required] == nil && !diagnostics.contains(where: { $0.file.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error(root + "/" + required + ".mustache", nil, "missing template \"\(required)\"",
                                      hint: "copy it from the default theme"))
        }
        for (_, (display, text)) in texts.sorted(by: { $0.key < $1.key }) {
            for (line, partial) in partialNames(in: text) where texts[partial] == nil {
                diagnostics.append(.error(display, line, "partial \"\(partial)\" names no template",
                                          hint: Suggestion.hint(for: partial, among: texts.keys) ?? "create \(root)/\(partial).mustache"))
            }
        }
        if !diagnostics.isEmpty { return .failure(ContentErrors(diagnostics)) }
        let theme = Theme(library: library, shapes: TemplateShapes(templateTexts: texts.values.map(\.1)),
                          directory: root, names: texts.keys.sorted())
        for template in TemplateName.allCases {
            if let problem = theme.cutProblem(template) {
                diagnostics.append(.error(root + "/" + template.rawValue + ".mustache", nil, problem,
                                          hint: "see the default theme's \(template.rawValue).mustache"))
            }
        }
        return diagnostics.isEmpty ? .success(theme) : .failure(ContentErrors(diagnostics))
    }

    /// Why `template`, which pages fill per item, cannot be cut (`TemplateName.cut`); nil when it can.
    func cutProblem(_ template: TemplateName) -> String? {
        guard let (fields, wraps) = template.cut else { return nil }
        guard TemplateCut(template, fields: fields, theme: self).filled({ _ in nil }) != nil else {
            return "a value comes out changed (a lambda?): this template is filled per item and must write its values as they are"
        }
        // Given alone, so that it is found outside the other fields' sections.
        guard let wraps, let alone = TemplateCut(template, fields: [wraps], theme: self).filled({ _ in nil }) else { return nil }
        let holes = alone.filter { if case .hole = $0 { true } else { false } }
        return holes == [.hole(field: 0, escaped: false)] ? nil
            : "\"\(wraps)\" holds HTML: write it once, in triple braces ({{{\(wraps)}}}), outside any section"
    }

    /// Names used as `{{> name}}` or `{{< name}}`, with their lines.
    static func partialNames(in text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let first = rest.first, first == ">" || first == "<" else { continue }
                guard let close = rest.range(of: "}}") else { break }
                let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { result.append((number + 1, name)) }
                rest = rest[close.upperBound...]
            }
        }
        return result
    }

    /// Renders `template` with its view model (`Render/Views/`), made its context in one place (`TemplateContext`).
    func render<View: Encodable>(_ template: TemplateName, _ view: View) -> String {
        render(named: template.rawValue, TemplateContext.of(view))
    }

    /// `template` rendered by Mustache itself, not spliced (`TemplateCut`'s probes, which must not be cached as shapes).
    func interpret(_ template: TemplateName, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template.rawValue) ?? ""
    }

    /// Any template of the folder by its name (tests render templates of their own).
    func render(named name: String, _ context: [String: Any]) -> String {
        shapes.render(name, context) { library.render($0, withTemplate: name) ?? "" }
    }

    /// Files under `assets/`, relative to it, sorted. Linked files and folders count; a
    /// folder reached twice (a link to a parent) is walked once; pipes and devices are left
    /// out (reading one would wait forever).
    public func assetFiles() -> [String] {
        var files: [String] = []
        var visited = Set<FolderIdentity>()
        func walk(_ folder: String, _ prefix: String) {
            guard let identity = FolderIdentity(path: folder), visited.insert(identity).inserted,
                  let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for entry in entries {
                let path = folder + "/" + entry
                if FolderIdentity(path: path) != nil {
                    walk(path, prefix + entry + "/")
                } else if Theme.isRegularFile(path) {
                    files.append(prefix + entry)
                }
            }
        }
        walk(directory + "/assets", "")
        return files.sorted()
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
