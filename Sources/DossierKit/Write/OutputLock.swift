import Foundation

/// An exclusive lock on an output folder (`flock` on `.public.dossier-lock` beside it), held
/// while a build writes it: two builds into one folder would each take the other's staged
/// tree for debris. The kernel releases it when the process ends, however it ends.
final class OutputLock: Sendable {
    private let descriptor: Int32

    init(path: String, output: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }  // deinit: close(-1) is harmless
        // On failure `deinit` still runs and closes the descriptor: closing it here too would
        // close whatever another thread had opened under the same number in between.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw OutputRefusal(output: output, reason: "another dossier build or serve is writing it",
                                hint: "wait for it to finish, or build into another --output")
        }
    }

    deinit { close(descriptor) }
}
