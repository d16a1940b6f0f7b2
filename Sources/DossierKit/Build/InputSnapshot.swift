import Foundation

/// The content and theme as they were at one moment. Files are listed (size, inode, time)
/// before and after everything is read; when anything changed in between (an article saved,
/// renamed or deleted mid-build), everything is read again, so a build never mixes two
/// states of the inputs or silently misses an article that was being renamed. Inputs that
/// keep changing make the build fail, naming the file.
struct InputSnapshot {
    var loaded: ContentLoader.Result
    var theme: Result<Theme, ContentErrors>
    /// The inputs' listing that `loaded` and `theme` were read at.
    var scan: InputScan

    static let attempts = 5

    static func read(content: String, templates: String,
                     load: (String) -> ContentLoader.Result = ContentLoader.load) throws -> InputSnapshot {
        var before = InputScan(content: content, templates: templates)
        var changed: Set<String> = []
        for attempt in 1...attempts {
            let loaded = load(content)
            let theme = Theme.load(directory: templates)
            let after = InputScan(content: content, templates: templates)
            if after == before { return InputSnapshot(loaded: loaded, theme: theme, scan: after) }
            changed = after.changes(since: before)
            before = after
            // Let a burst of saves settle before reading again.
            if attempt < attempts { usleep(UInt32(20_000 * attempt)) }
        }
        let first = changed.sorted().first ?? content
        throw ContentErrors([.error(display(first, content: content, templates: templates), nil,
                                    "changed while the build read it, \(attempts) times in a row; nothing was written",
                                    hint: "build again once the edits are saved")])
    }

    /// `content/articles/x.md` as the user named the folders.
    static func display(_ path: String, content: String, templates: String) -> String {
        for (prefix, folder) in [("content", content), ("templates", templates)] where path == prefix || path.hasPrefix(prefix + "/") {
            return OutputPaths.folder(folder) + path.dropFirst(prefix.count)
        }
        return path
    }
}
