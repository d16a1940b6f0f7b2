import Dispatch

/// Maps `items` on all cores, keeping order. `transform` must not share mutable state.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    // Deinitialized before it is freed: the results were copied out, and freeing alone
    // leaked every one of them (found twice: by peak memory and by LeakSanitizer).
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    let box = UnsafeSendableBuffer(results)
    // Chunks keep scheduling overhead small; a few per core balance uneven work.
    let chunks = min(count, ProcessInfoCores.count * 8)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = count * chunk / chunks
        let end = count * (chunk + 1) / chunks
        for index in start..<end {
            box.buffer[index] = transform(items[index])
        }
    }
    return results.map { $0! }
}

/// Runs `body` for 0..<count on all cores.
func parallelFor(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count < 2 {
        for index in 0..<count { body(index) }
        return
    }
    let chunks = min(count, ProcessInfoCores.count * 8)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) { body(index) }
    }
}

/// Each index of the buffer is written by exactly one iteration, so sharing it is safe.
private struct UnsafeSendableBuffer<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R?>
    init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
#endif
