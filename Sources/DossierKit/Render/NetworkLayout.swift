import Foundation

/// Places a network's nodes and labels at build time: a force-directed layout
/// (Fruchterman–Reingold) from a fixed spiral start, a bounded number of steps, then
/// labels placed greedily, biggest node first, at the first of eight spots around the node
/// that overlaps no other label and no node; a label that fits nowhere is left out (the
/// node keeps its tooltip). Deterministic: no randomness, no unordered iteration.
enum NetworkLayout {
    struct Node: Sendable, Hashable {
        var radius: Double
        /// Size of the label's box (zero for none).
        var labelWidth: Double
        var labelHeight: Double

        init(radius: Double, labelWidth: Double, labelHeight: Double) {
            self.radius = radius
            self.labelWidth = labelWidth
            self.labelHeight = labelHeight
        }
    }

    struct Box: Sendable, Hashable {
        var x: Double, y: Double, width: Double, height: Double

        func overlaps(_ other: Box, gap: Double) -> Bool {
            x < other.x + other.width + gap && other.x < x + width + gap
                && y < other.y + other.height + gap && other.y < y + height + gap
        }

        func meetsCircle(x cx: Double, y cy: Double, radius: Double) -> Bool {
            let nearestX = min(max(cx, x), x + width), nearestY = min(max(cy, y), y + height)
            let (dx, dy) = (cx - nearestX, cy - nearestY)
            return dx * dx + dy * dy < radius * radius
        }
    }

    struct Result: Sendable, Hashable {
        var x: [Double]
        var y: [Double]
        /// Each node's label box, or nil where it did not fit.
        var labels: [Box?]
        /// Bounding box of everything drawn.
        var bounds: Box
    }

    /// Lays out `nodes` (most important first) within `width` × `height`. With `pinFirst`,
    /// node 0 stays in the centre (an entity's own network).
    static func layout(nodes: [Node], edges: [(a: Int, b: Int, weight: Double)], width: Double, height: Double,
                              iterations: Int, pinFirst: Bool) -> Result {
        let count = nodes.count
        var x = [Double](repeating: width / 2, count: count)
        var y = [Double](repeating: height / 2, count: count)
        // Room each node needs: its circle and half its label.
        let size = nodes.map { $0.radius + $0.labelWidth / 2 }
        let k = max(0.9 * (width * height / Double(max(count, 1))).squareRoot(), 1)
        for index in 1..<max(count, 1) {
            let angle = Double(index) * 2.399963229728653
            let distance = k * 0.6 * Double(index).squareRoot()
            x[index] = width / 2 + distance * cos(angle)
            y[index] = height / 2 + distance * sin(angle)
        }
        let maxWeight = edges.map(\.weight).max() ?? 1
        var dx = [Double](repeating: 0, count: count), dy = [Double](repeating: 0, count: count)
        for step in 0..<iterations {
            for index in 0..<count { dx[index] = 0; dy[index] = 0 }
            for i in 0..<count {
                for j in (i + 1)..<max(count, i + 1) {
                    var (ex, ey) = (x[i] - x[j], y[i] - y[j])
                    var distance = (ex * ex + ey * ey).squareRoot()
                    if distance < 0.01 { (ex, ey, distance) = (0.01 * Double(j - i), 0.01, 0.01 * Double(j - i + 1)) }
                    var force = k * k / distance
                    // Extra push while two nodes' label areas overlap.
                    let room = (size[i] + size[j]) * 0.55
                    if distance < room { force += (room - distance) * k / 8 }
                    let (fx, fy) = (ex / distance * force, ey / distance * force)
                    dx[i] += fx; dy[i] += fy
                    dx[j] -= fx; dy[j] -= fy
                }
            }
            for edge in edges where edge.a != edge.b {
                let (ex, ey) = (x[edge.a] - x[edge.b], y[edge.a] - y[edge.b])
                let distance = max((ex * ex + ey * ey).squareRoot(), 0.01)
                let force = distance * distance / k * (0.4 + 0.6 * edge.weight / maxWeight)
                let (fx, fy) = (ex / distance * force, ey / distance * force)
                dx[edge.a] -= fx; dy[edge.a] -= fy
                dx[edge.b] += fx; dy[edge.b] += fy
            }
            let temperature = width / 10 * (1 - Double(step) / Double(iterations)) + 0.5
            for index in 0..<count where !(pinFirst && index == 0) {
                // Gravity keeps unconnected nodes from drifting to the edges.
                dx[index] -= (x[index] - width / 2) * k / 110
                dy[index] -= (y[index] - height / 2) * k / 110
                let length = max((dx[index] * dx[index] + dy[index] * dy[index]).squareRoot(), 0.0001)
                let move = min(length, temperature)
                let marginX = nodes[index].radius + 4, marginY = nodes[index].radius + 4
                x[index] = min(max(x[index] + dx[index] / length * move, marginX), width - marginX)
                y[index] = min(max(y[index] + dy[index] / length * move, marginY), height - marginY)
            }
        }
        separateCircles(nodes, &x, &y, pinFirst: pinFirst)

        // Labels, biggest node first.
        let order = (0..<count).sorted { nodes[$0].radius != nodes[$1].radius ? nodes[$0].radius > nodes[$1].radius : $0 < $1 }
        var labels = [Box?](repeating: nil, count: count)
        var placed: [Box] = []
        for index in order where nodes[index].labelWidth > 0 {
            let (w, h, r) = (nodes[index].labelWidth, nodes[index].labelHeight, nodes[index].radius)
            // Eight spots around the node, then the same a little further out.
            var offsets: [(Double, Double)] = []
            for extra in [0.0, 10.0] {
                let (gap, diagonal) = (r + 2 + extra, r * 0.7 + 2 + extra)
                offsets += [(-w / 2, gap), (-w / 2, -gap - h), (gap + 2, -h / 2), (-gap - 2 - w, -h / 2),
                            (diagonal, diagonal), (-diagonal - w, diagonal), (diagonal, -diagonal - h), (-diagonal - w, -diagonal - h)]
            }
            for (ox, oy) in offsets {
                let box = Box(x: x[index] + ox, y: y[index] + oy, width: w, height: h)
                guard box.x >= 0, box.y >= 0, box.x + w <= width, box.y + h <= height else { continue }
                if placed.contains(where: { $0.overlaps(box, gap: 2) }) { continue }
                if (0..<count).contains(where: { $0 != index && box.meetsCircle(x: x[$0], y: y[$0], radius: nodes[$0].radius + 1.5) }) { continue }
                labels[index] = box
                placed.append(box)
                break
            }
        }

        var minX = width, minY = height, maxX = 0.0, maxY = 0.0
        for index in 0..<count {
            let r = nodes[index].radius
            minX = min(minX, x[index] - r); maxX = max(maxX, x[index] + r)
            minY = min(minY, y[index] - r); maxY = max(maxY, y[index] + r)
            if let box = labels[index] {
                minX = min(minX, box.x); maxX = max(maxX, box.x + box.width)
                minY = min(minY, box.y); maxY = max(maxY, box.y + box.height)
            }
        }
        if count == 0 { (minX, minY, maxX, maxY) = (0, 0, width, height) }
        let pad = 6.0
        return Result(x: x, y: y, labels: labels,
                      bounds: Box(x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad))
    }

    /// Pushes apart circles that still overlap after the forces (bounded passes).
    static func separateCircles(_ nodes: [Node], _ x: inout [Double], _ y: inout [Double], pinFirst: Bool) {
        let count = nodes.count
        for _ in 0..<60 {
            var moved = false
            for i in 0..<count {
                for j in (i + 1)..<max(count, i + 1) {
                    let (ex, ey) = (x[j] - x[i], y[j] - y[i])
                    let distance = (ex * ex + ey * ey).squareRoot()
                    let needed = nodes[i].radius + nodes[j].radius + 3
                    guard distance < needed else { continue }
                    moved = true
                    let (ux, uy) = distance > 0.001 ? (ex / distance, ey / distance) : (1.0, 0.0)
                    let push = (needed - distance) / 2
                    if pinFirst && i == 0 {
                        x[j] += ux * push * 2; y[j] += uy * push * 2
                    } else {
                        x[i] -= ux * push; y[i] -= uy * push
                        x[j] += ux * push; y[j] += uy * push
                    }
                }
            }
            if !moved { break }
        }
    }
}
