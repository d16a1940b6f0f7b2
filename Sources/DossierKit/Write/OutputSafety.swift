import Foundation

/// Why a build will not write to an output folder. Nothing was written or deleted.
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    public var output: String
    public var reason: String
    public var hint: String

    public var description: String { "\(output): \(reason) (\(hint))" }
}

/// Refuses output folders that a build would destroy something in: the content or theme
/// folder, the project's own folder, or a folder that holds any of them.
enum OutputSafety {
    /// `projectRoot` is the folder the dossier lives in: the content folder's parent.
    static func check(output: String, content: String, templates: String,
                      workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        let target = canonical(output)
        let contentPath = canonical(content)
        let project = parentOf(contentPath)
        let protected: [(String, String)] = [
            (contentPath, "the content folder \(content)"),
            (canonical(templates), "the templates folder \(templates)"),
            (project, "the dossier's own folder \(project)"),
            (canonical(workingDirectory), "the current folder"),
        ] + (ProcessInfo.processInfo.environment["HOME"].map { [(canonical($0), "your home folder")] } ?? [])
        for (path, what) in protected {
            if target == path || isInside(path, target) {
                throw OutputRefusal(output: output, reason: target == path ? "is \(what)" : "holds \(what)",
                                    hint: "a build replaces its output folder's contents; choose a folder of its own, such as --output public")
            }
        }
        for (path, what) in protected.prefix(2) where isInside(target, path) {
            throw OutputRefusal(output: output, reason: "lies inside \(what)",
                                hint: "the site would be read back as content; choose a folder outside it, such as --output public")
        }
    }

    /// Whether `inner` lies strictly inside `outer` (both canonical).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner != outer && inner.hasPrefix(prefix)
    }

    static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The absolute path with every link resolved, for a path that may not exist yet: the
    /// deepest part that exists is resolved, the rest appended (`..` in it taken away).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            if let real = realpath(prefix, nil) {
                defer { free(real) }
                let resolved = String(cString: real)
                let rest = parts[existing...].joined(separator: "/")
                return rest.isEmpty ? resolved : (resolved == "/" ? "/" : resolved + "/") + rest
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }
}
