/// The spelling variants that the build linked, per entity: surfaces that are not one of
/// the entity's aliases as written (`dossier check` lists them, so that a researcher can add
/// them as aliases or keep them from linking).
public enum VariantReport {
    public struct Surface: Sendable, Hashable {
        public var text: String
        public var count: Int
        /// Ids of the articles it occurs in, in order.
        public var articles: [String]
    }

    /// Per entity (in registry order), its variant surfaces, most frequent first.
    public static func variants(_ analysis: Analysis) -> [(entity: EntityIndex, surfaces: [Surface])] {
        let registry = analysis.content.registry
        var exact: [EntityIndex: Set<String>] = [:]
        var found: [EntityIndex: [String: Surface]] = [:]
        for (position, annotated) in analysis.annotated.enumerated() {
            let id = analysis.content.articles[position].id
            for mention in annotated.mentions where mention.auto {
                let text = annotated.text(of: mention)
                let key = AliasMatcher.foldASCII(TextNormalization.collapsingWhitespace(text))
                if exact[mention.entity] == nil {
                    exact[mention.entity] = Set(AliasMatcher.names(of: registry[mention.entity]).map(AliasMatcher.foldASCII))
                }
                guard !exact[mention.entity]!.contains(key) else { continue }
                var surface = found[mention.entity, default: [:]][text, default: Surface(text: text, count: 0, articles: [])]
                surface.count += 1
                if surface.articles.last != id { surface.articles.append(id) }
                found[mention.entity, default: [:]][text] = surface
            }
        }
        return found.keys.sorted().map { entity in
            (entity, found[entity]!.values.sorted { ($1.count, $0.text) < ($0.count, $1.text) })
        }
    }

    /// The list as `dossier check` prints it; "" when no variant was linked.
    public static func report(_ analysis: Analysis) -> String {
        let variants = variants(analysis)
        guard !variants.isEmpty else { return "" }
        let registry = analysis.content.registry
        let total = variants.reduce(0) { $0 + $1.surfaces.count }
        var lines = ["spelling variants linked (\(total)): add the right ones to the entity's aliases; keep a wrong one "
                     + "from linking with [text](none:), or all of an entity's with variants: false"]
        for (entity, surfaces) in variants {
            let target = registry[entity]
            let listed = surfaces.map { surface in
                "\(surface.text) ×\(surface.count) (\(surface.articles.prefix(3).joined(separator: ", "))\(surface.articles.count > 3 ? ", …" : ""))"
            }
            lines.append("  \(target.kind.rawValue):\(target.id): " + listed.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
