import Foundation
import Synchronization

/// What one rebuild did.
public struct RebuildReport: Sendable {
    /// Input files that changed (relative, e.g. `content/articles/x.md`).
    public var changedInputs: [String]
    /// Output files made again.
    public var rendered: Int
    /// The files made again (or to be made when asked for), sorted.
    public var renderedPaths: [String] = []
    /// Output files that no longer exist.
    public var removed: Int
    public var milliseconds: Double
    /// Milliseconds per step, in order (for profiling).
    public var steps: [(String, Double)] = []
    /// Errors (the rebuild failed and the previous site stays) and warnings.
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// A site kept alive between edits (the preview server's): a full build at the start,
/// then rebuilds that redo only what changed inputs reach. An edited article re-renders
/// its page and the pages of every entity it mentions before or after the edit; a registry,
/// site.yml or template change re-annotates and re-renders everything, keeping in memory
/// only files that differ. A failed rebuild keeps the last good state.
public struct SiteSession: Sendable {
    public private(set) var snapshot: SiteSnapshot
    private var state: BuiltSite
    /// The inputs of the last good build.
    private var scan: InputScan
    /// The inputs of the last rebuild tried, good or not.
    private var attempted: InputScan

    /// Builds the whole site into `options.output` (as `dossier build` does).
    public init(options: BuildOptions, progress: (String) -> Void = { _ in }) throws {
        let (_, state) = try SiteBuilder.buildKeepingState(options, progress: progress)
        self.state = state
        self.scan = state.scan
        self.attempted = state.scan
        self.snapshot = SiteSnapshot(root: OutputPaths.folder(options.output), generation: 0)
    }

    public var options: BuildOptions { state.options }

    /// Looks at the inputs again and rebuilds what changed. Returns nil when nothing did.
    /// `changedPaths`: every path (under the content or templates folder, as the options
    /// name them) that changed since the last call, when a file watcher knows them; then only
    /// those are looked at. Nil looks at every input.
    public mutating func rebuild(changedPaths: Set<String>? = nil) -> RebuildReport? {
        let clock = ContinuousClock()
        let started = clock.now
        let newScan = changedPaths.flatMap { attempted.updated(at: $0, content: state.options.content, templates: state.options.templates) }
            ?? InputScan(content: state.options.content, templates: state.options.templates)
        guard newScan != attempted else { return nil }
        let lastFailed = attempted != scan
        attempted = newScan
        let changed = newScan.changes(since: scan)
        let scanned = (clock.now - started).seconds * 1000
        var report = RebuildReport(changedInputs: changed.sorted(), rendered: 0, removed: 0, milliseconds: 0, diagnostics: [])
        guard !changed.isEmpty else {
            // Only folder times moved (a file made and removed at once, an editor's swap file).
            scan = newScan
            // Back to the inputs of the last good build after a failed one (a broken new file
            // deleted): that site stands, and the pages showing the errors must hear so.
            guard lastFailed else { return nil }
            report.milliseconds = (clock.now - started).seconds * 1000
            return report
        }
        let sink = MemoryOutput()
        do {
            let outcome = try SitePipeline.run(state.options, previous: state, changes: ChangeSet(paths: changed), scan: newScan, into: sink)
            scan = newScan
            state = outcome.state
            apply(sink.contents, into: &report)
            report.diagnostics = outcome.diagnostics.filter { $0.severity == .warning }
            report.steps = [("scan", scanned)] + outcome.stages.map { ($0.0, $0.1 * 1000) }
        } catch let errors as ContentErrors {
            // The scan stays as it was: the next rebuild retries this change with any later one.
            report.diagnostics = errors.diagnostics
        } catch {
            report.diagnostics = [.error(state.options.content, nil, "\(error)")]
        }
        report.milliseconds = (clock.now - started).seconds * 1000
        return report
    }

    /// The rebuild's files over the snapshot's.
    private mutating func apply(_ result: MemoryOutput.Files, into report: inout RebuildReport) {
        var overrides = snapshot.overrides
        var lazy = snapshot.lazy
        var removed = snapshot.removed
        for path in result.removed {
            overrides[path] = nil
            lazy[path] = nil
            removed.insert(path)
        }
        for (path, bytes) in result.made {
            overrides[path] = bytes
            lazy[path] = nil
            removed.remove(path)
        }
        for (path, file) in result.lazy {
            lazy[path] = file
            overrides[path] = nil
            removed.remove(path)
        }
        snapshot = SiteSnapshot(root: snapshot.root, generation: snapshot.generation + 1, overrides: overrides, lazy: lazy, removed: removed)
        report.rendered = result.made.count + result.lazy.count
        report.renderedPaths = (result.made.map(\.0) + result.lazy.map(\.0)).sorted()
        report.removed = result.removed.count
    }
}
