import Foundation

/// Files an earlier build wrote that the new site no longer has (a deleted article's page,
/// an entity page no longer needed), and their removal. Files that no build wrote (a CNAME
/// put in the output by hand) are left alone.
enum StaleOutput {
    /// Removes `root`'s files listed in `previous` but not in `kept`, and the folders this
    /// leaves empty.
    static func remove(from root: String, previous: BuildManifest, kept: Set<String>) {
        var folders = Set<String>()
        for path in previous.entries.keys where !kept.contains(path) {
            unlink(root + "/" + path)
            if let slash = path.lastIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        // Deepest first; rmdir leaves a folder that still holds anything.
        var emptied = Set<String>()
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            var current = Substring(folder)
            while !current.isEmpty, !emptied.contains(String(current)), rmdir(root + "/" + current) == 0 {
                emptied.insert(String(current))
                guard let slash = current.lastIndex(of: "/") else { break }
                current = current[..<slash]
            }
        }
    }
}
