import Foundation

/// The names a build uses beside its output folder `public/`: all hidden, all starting with
/// `.public.dossier-`, so that the debris of a killed build is recognised by name alone and
/// nothing else is ever taken for it.
struct OutputPaths: Sendable {
    /// The output folder, without a trailing slash.
    let output: String

    init(output: String) {
        self.output = OutputPaths.folder(output)
    }

    /// A folder path without trailing slashes (`/` stays `/`).
    static func folder(_ path: String) -> String {
        path.withoutTrailingSlashes
    }

    /// The folder holding the output ("." for a bare name).
    var parent: String {
        guard let slash = output.lastIndex(of: "/") else { return "." }
        return slash == output.startIndex ? "/" : String(output[..<slash])
    }

    /// The output folder's own name.
    var name: String {
        output.lastIndex(of: "/").map { String(output[output.index(after: $0)...]) } ?? output
    }

    /// `.public.dossier-<suffix>` beside the output.
    func beside(_ suffix: String) -> String {
        let slash = output.lastIndex(of: "/")
        let prefix = slash.map { String(output[...$0]) } ?? ""
        return prefix + "." + name + ".dossier-" + suffix
    }

    /// Where this process stages the new tree of a first or clean build.
    var staging: String { beside("stage-\(getpid())") }
    /// The tree a rebuild's swap took out, kept to make the next rebuild's tree from: its
    /// files are mostly hard links to the live site's. Never served or published; deleting
    /// it is always safe.
    var spare: String { beside("spare") }
    /// The lock a build holds while it writes the output.
    var lock: String { beside("lock") }

    /// Whether an entry beside the output is a temporary of a build of it: this version's
    /// `.public.dossier-stage-N` and the earlier versions' `public.tmp-N` and `public.old-N`.
    func isDebris(_ entry: String) -> Bool {
        for prefix in ["." + name + ".dossier-stage-", name + ".tmp-", name + ".old-"] where entry.hasPrefix(prefix) {
            let number = entry.dropFirst(prefix.count)
            return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
        }
        return false
    }

    /// Whether a file name inside the output is an earlier version's temporary
    /// (`.index.html.dossier-N`: a changed file waiting to be renamed into place).
    static func isInnerDebris(_ entry: String) -> Bool {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".dossier-", options: .backwards) else { return false }
        let number = entry[marker.upperBound...]
        return marker.lowerBound > entry.index(after: entry.startIndex) && !number.isEmpty
            && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Entries of the output that a build keeps whatever it does, `--clean` included: hidden
    /// files and folders (`.git`, `.nojekyll`, `.well-known`) and `CNAME`.
    static func isAlwaysKept(_ entry: String) -> Bool {
        (entry.hasPrefix(".") && !isInnerDebris(entry)) || entry == "CNAME"
    }
}
