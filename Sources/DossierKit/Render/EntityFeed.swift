/// `<entity>/feed.xml`: an Atom feed per entity of the newest articles that mention it
/// (for a meeting, also those that report it), each with the sentences that name it.
enum EntityFeed {
    static let limit = 50
    static let sentencesPerEntry = 3

    static func path(of entity: Entity) -> String { entity.path + "feed.xml" }

    static func atom(_ entity: EntityIndex, graph: SiteGraph) -> String {
        let content = graph.content
        let target = content.registry[entity]
        let base = content.site.baseURL
        let articles = graph.articles[Int(entity)].prefix(limit)
        let updated = (articles.first.map { content.articles[Int($0)].date } ?? target.date ?? "1970-01-01") + "T00:00:00Z"
        var sentencesByArticle: [Int32: [String]] = [:]
        // Sentences come newest article first: past the feed's articles there is nothing to take
        // (Russia has tens of thousands in a large dossier).
        let refs = graph.sentences[Int(entity)]
        var current: Int32 = -1
        var text: AnnotatedArticle?
        for (position, ref) in zip(refs.indices, refs) {
            if sentencesByArticle[ref.article] == nil && sentencesByArticle.count == limit { break }
            if ref.article != current {
                // The sentences an entry shows, read back at once when spilled (not one by one).
                current = ref.article
                var article = graph.annotated[Int(current)]
                article.sentences = article.sentences.inMemory(
                    covering: refs[position...].prefix(while: { $0.article == current }).prefix(sentencesPerEntry).lazy.map { Int($0.sentence) })
                text = article
            }
            if let text, sentencesByArticle[ref.article, default: []].count < sentencesPerEntry {
                sentencesByArticle[ref.article, default: []].append(SentenceExcerpt.plainText(of: ref.mentions, in: text, sentence: ref.sentence))
            }
        }
        let title = "\(target.name): \(content.site.title)"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(content.site.language))">
          <title>\(HTML.escape(title))</title>
          <subtitle>\(HTML.escape("New articles that mention \(target.name)"))</subtitle>
          <link href="\(HTML.escape(base + path(of: target)))" rel="self"/>
          <link href="\(HTML.escape(base + target.path))"/>
          <id>\(HTML.escape(base + target.path))</id>
          <updated>\(updated)</updated>
          <author><name>\(HTML.escape(content.site.author ?? content.site.title))</name></author>

        """
        for index in articles {
            let summary = sentencesByArticle[index].map { $0.joined(separator: " … ") } ?? graph.annotated[Int(index)].summary
            xml += Feeds.entry(content.articles[Int(index)], summary: summary, base: base)
        }
        return xml + "</feed>\n"
    }
}
