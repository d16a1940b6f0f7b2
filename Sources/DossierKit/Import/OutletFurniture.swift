/// The lines an outlet prints on most of its pages (menus, taglines, promos, footers),
/// learnt from the raw pages of one host that an import sees together: the pages imported
/// in one run and those already in `content/raw/`.
///
/// A line is the outlet's furniture when it is on at least two of the outlet's pages and on
/// at least half of them. A line of running text (a sentence of more than
/// `textWords` words) needs three pages: two reports of one outlet may share a background
/// paragraph, but not three, half of them, word for word.
struct OutletFurniture: Sendable {
    /// One raw page: its name (pages with the same name count once), the address it gives or
    /// was given, and its text.
    struct Page: Sendable {
        var name: String
        var url: String?
        var text: String

        init(name: String, url: String?, text: String) {
            self.name = name
            self.url = url
            self.text = text
        }
    }

    /// Outlet → pages seen.
    private(set) var pageCount: [String: Int] = [:]
    /// Outlet → line (NFC bytes, normalised as the cleaner does) → pages holding it.
    private var lineCount: [String: [[UInt8]: Int]] = [:]

    static let textWords = 12

    init(pages: [Page]) {
        var seen = Set<String>()
        var byOutlet: [String: [Page]] = [:]
        for page in pages where seen.insert(page.name).inserted {
            guard let outlet = OutletFurniture.outlet(of: page.url) else { continue }
            byOutlet[outlet, default: []].append(page)
        }
        for (outlet, pages) in byOutlet where pages.count >= 2 {
            pageCount[outlet] = pages.count
            var counts: [[UInt8]: Int] = [:]
            for page in pages {
                var lines = Set<[UInt8]>()
                for rawLine in page.text.utf8.split(separator: 10, omittingEmptySubsequences: true)
                where rawLine.count <= RawPageCleaner.longestRuleLine {
                    let line = RawPageCleaner.normalise(Substring(rawLine))
                    if !line.isEmpty { lines.insert(Array(line.utf8)) }
                }
                for line in lines { counts[line, default: 0] += 1 }
            }
            lineCount[outlet] = counts.filter { $0.value >= 2 }
        }
    }

    /// Why `line` (normalised) is furniture of `outlet`, or nil.
    func reason(for line: String, host outlet: String) -> DropReason? {
        guard let total = pageCount[outlet], let pages = lineCount[outlet]?[Array(line.utf8)] else { return nil }
        guard pages >= 2, pages * 2 >= total else { return nil }
        let isText = RawPageCleaner.words(line, upTo: OutletFurniture.textWords) > OutletFurniture.textWords
            && RawPageCleaner.endsSentence(line)
        if isText && pages < 3 { return nil }
        return .repeatedOnOutlet(host: outlet, pages: pages, of: total)
    }

    /// The outlet a web address belongs to: its host without `www.`, `m.` or `amp.` (the
    /// mobile and AMP copies of a site are one outlet).
    static func outlet(of url: String?) -> String? {
        guard let url, var host = URLHost.of(url) else { return nil }
        for prefix in ["m.", "amp.", "mobile."] where host.hasPrefix(prefix) && host.split(separator: ".").count > 2 {
            host = String(host.dropFirst(prefix.count))
        }
        return host
    }
}
