/// The mentions, sentences, statements and figures tables in parts (JSON Lines and CSV, `DataParts`), and
/// `data/parts.json`, which lists every part of every table and the search shards. The
/// articles table's parts are the article list's (`ArticleListEmitter`).
struct DataPartsEmitter: SiteEmitter {
    func outputs(_ site: RenderedSite) -> [SiteOutput] {
        let parts = site.dataParts, graph = site.graph
        var outputs: [SiteOutput] = []
        for table in DataTable.allCases where table != .articles {
            for part in parts.parts(of: table) {
                for format in DataTable.Format.allCases {
                    outputs.append(SiteOutput(path: parts.path(of: part, format), isLarge: true, affectedBy: { $0.changesRows(of: table) }) { emit in
                        parts.write(part, format, emit: emit)
                    })
                }
            }
        }
        let search = site.searchShards
        outputs.append(SiteOutput(path: DataFiles.partsPath, affectedBy: SiteOutput.always) { DataFiles.parts(parts, search: search, graph: graph) })
        return outputs
    }
}
