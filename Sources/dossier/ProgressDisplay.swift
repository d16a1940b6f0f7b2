import DossierKit
import Foundation

/// The one progress line of a long command on a terminal: redrawn in place (carriage return,
/// erase to the end of the line) a few times a second from a `BuildProgress`, and erased when
/// the command ends. Nothing when standard error is not a terminal (CI, pipes, files).
/// Lines the command prints meanwhile go through `print`, which erases the progress line
/// first, so the two never mix.
final class ProgressDisplay: @unchecked Sendable {
    private let meter: BuildProgress
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let thread: Thread?
    /// Held while the line is drawn or erased and while `print` writes.
    private let drawing = NSLock()

    /// Shown only when `enabled` and standard error is a terminal.
    init(_ meter: BuildProgress, enabled: Bool) {
        self.meter = meter
        guard enabled, isatty(STDERR_FILENO) == 1 else {
            thread = nil
            return
        }
        let stopped = self.stopped, finished = self.finished, drawing = self.drawing
        let thread = Thread {
            // The first line after a moment: a build that is done at once shows none.
            while stopped.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
                drawing.withLock { ProgressDisplay.draw("\r\u{1B}[K" + meter.snapshot().line) }
            }
            drawing.withLock { ProgressDisplay.draw("\r\u{1B}[K") }
            finished.signal()
        }
        self.thread = thread
        thread.start()
    }

    /// Prints `text` and a line feed on standard output, the progress line erased first (it is
    /// drawn again at the next tick).
    func print(_ text: String) {
        guard thread != nil else {
            Swift.print(text)
            return
        }
        drawing.withLock {
            ProgressDisplay.draw("\r\u{1B}[K")
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }

    /// Erases the line; call before printing anything else.
    func stop() {
        guard thread != nil else { return }
        stopped.signal()
        finished.wait()
    }

    private static func draw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
