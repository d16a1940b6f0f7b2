import Testing
@testable import DossierKit

@Suite struct ParallelMapOrderTests {
    @Test func keepsOrder() {
        #expect(parallelMap(Array(0..<5000)) { $0 * 2 } == (0..<5000).map { $0 * 2 })
    }
}
