import Testing
@testable import DossierKit

/// A preview rebuild reuses a network's drawing only for the same network drawn the same way.
@Suite struct NetworkDrawingsTests {
    private func key(_ weight: Int, root: String = "../../") -> NetworkDrawings.Key {
        let network = CoMentionNetwork(nodes: [0, 1], edges: [.init(a: 0, b: 1, weight: weight)], sizes: [3, weight])
        return NetworkDrawings.Key(network: network, root: root, size: .entity, centred: true, label: "x")
    }

    @Test func anEqualNetworkIsReusedAndAChangedOneDrawnAgain() {
        let first = NetworkDrawings()
        var drawn = 0
        #expect(first.drawing(0, key(2)) { drawn += 1; return "two" } == "two")
        // The next build starts from the last one's drawings.
        let next = NetworkDrawings(from: first)
        #expect(next.drawing(0, key(2)) { drawn += 1; return "again" } == "two")
        #expect(drawn == 1)
        #expect(next.drawing(0, key(3)) { drawn += 1; return "three" } == "three")
        #expect(next.drawing(0, key(3, root: "../")) { drawn += 1; return "elsewhere" } == "elsewhere")
        #expect(drawn == 3)
        // One drawing per entity, however many times it changed; the earlier build's stays as it was.
        #expect(next.count == 1)
        #expect(first.drawing(0, key(2)) { drawn += 1; return "" } == "two")
    }
}
