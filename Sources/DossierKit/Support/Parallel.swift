import Dispatch
import Synchronization

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
    parallelFor(count) { index in box.buffer[index] = transform(items[index]) }
    return results.map { $0! }
}

/// Runs `body` for 0..<count on all cores. Each core takes the next index as it finishes
/// one, so a few slow items (a data file of hundreds of MB) do not leave a core idle while
/// the other works through a fixed share alone.
func parallelFor(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count < 2 {
        for index in 0..<count { body(index) }
        return
    }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(count, ProcessInfoCores.count)) { _ in
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            body(index)
        }
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
