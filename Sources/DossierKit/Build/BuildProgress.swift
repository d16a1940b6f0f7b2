import Synchronization

/// How far a long command has got, for a progress line (`dossier build`, `import` and
/// `publish` on a terminal): the stage, how many of its items are done of how many, and how
/// long it and the command have run. The work advances it from every thread it runs on;
/// whoever shows it takes a `Snapshot` when it likes.
public final class BuildProgress: Sendable {
    /// One reading: what the line shows.
    public struct Snapshot: Sendable, Equatable {
        public var stage: String
        public var done: Int
        /// Items of the stage; 0 for a stage that is not counted (loading, linking).
        public var total: Int
        /// Since the build began, and since the stage began.
        public var elapsed: Duration
        public var stageElapsed: Duration

        public init(stage: String, done: Int, total: Int, elapsed: Duration, stageElapsed: Duration) {
            self.stage = stage
            self.done = done
            self.total = total
            self.elapsed = elapsed
            self.stageElapsed = stageElapsed
        }

        /// What the stage has left at its rate so far; nil until a tenth of it, or a second, has run
        /// (the first items are the slowest: caches are cold).
        public var remaining: Duration? {
            guard total > 0, done > 0, done < total, done * 10 >= total || stageElapsed >= .seconds(1) else { return nil }
            return stageElapsed * Double(total - done) / Double(done)
        }

        /// `annotating articles 4,200 of 10,000 (42%) · 3.1 s · about 4 s left`.
        public var line: String {
            var parts = [stage]
            if total > 0 {
                let percent = Int((Double(min(done, total)) / Double(total) * 100).rounded(.down))
                parts[0] += " \(Self.grouped(min(done, total))) of \(Self.grouped(total)) (\(percent)%)"
            }
            parts.append(Self.seconds(elapsed))
            if let remaining { parts.append("about " + Self.seconds(remaining) + " left") }
            return parts.joined(separator: " · ")
        }

        static func grouped(_ value: Int) -> String {
            var digits = Array(String(value))
            var index = digits.count - 3
            while index > 0 { digits.insert(",", at: index); index -= 3 }
            return String(digits)
        }

        /// `0.4 s`, `12 s`, `2 min 05 s`.
        static func seconds(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            if seconds < 10 { return String(Int(seconds * 10) / 10) + "." + String(Int(seconds * 10) % 10) + " s" }
            let whole = Int(seconds.rounded())
            if whole < 60 { return "\(whole) s" }
            let rest = whole % 60
            return "\(whole / 60) min \(rest < 10 ? "0" : "")\(rest) s"
        }
    }

    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let stage: Mutex<(name: String, total: Int, began: ContinuousClock.Instant)>
    private let done = Atomic<Int>(0)
    /// Each stage that ended, as it ended (tests read how far each got).
    private let ended = Mutex<[Snapshot]>([])

    public init() {
        started = clock.now
        stage = Mutex(("starting", 0, started))
    }

    /// A new stage of `total` items (0: not counted).
    public func begin(_ name: String, total: Int = 0) {
        let last = snapshot()
        ended.withLock { $0.append(last) }
        stage.withLock { $0 = (name, total, clock.now) }
        done.store(0, ordering: .relaxed)
    }

    /// The stages that ended, in order.
    var endedStages: [Snapshot] { ended.withLock { $0 } }

    /// One more item of the stage done.
    public func advance() { done.wrappingAdd(1, ordering: .relaxed) }

    public func snapshot() -> Snapshot {
        let now = clock.now
        let (name, total, began) = stage.withLock { $0 }
        return Snapshot(stage: name, done: done.load(ordering: .relaxed), total: total, elapsed: now - started, stageElapsed: now - began)
    }
}
