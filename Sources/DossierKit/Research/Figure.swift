/// A figure an article reports: a count of troops, casualties, weapons, money or people, with
/// its unit noun and who claims it. Found by `FigureFinder`.
struct Figure: Sendable, Hashable {
    /// Who claims it: the speaker of the statement that holds it (`संयुक्त राज्य अमेरिका ने दावा
    /// किया कि …`, `खुफिया सेवा ने कहा कि …`, `X के मुताबिक …`), nil when none is named.
    var claimant: EntityIndex?
    /// The statement that holds it: an index into the statements given to the finder.
    var claim: Int?
    /// As written: `10,000`, `10 हजार`, `हजारों`.
    var number: String
    /// Its value; nil for an indefinite number (`हजारों`: thousands).
    var value: Double?
    /// `लगभग`, `करीब`, `तकरीबन`, `अनुमानित` before it.
    var approximate: Bool
    /// The unit noun as written (`सैनिक`, `सैनिकों`, `डॉलर`); a figure that takes its unit from
    /// an earlier one (`जिनमें से 8,000`) has that one's.
    var unit: String
    var subject: FigureSubject
    /// UTF-8 byte range of the number and its unit in the article's `ArticlePlainText.text`.
    var range: Range<Int>
    /// Its sentence's number in the data tables (`AnnotatedArticle.tableSentence`; the finder
    /// gives its index in the plain text, which `ArticleResearch` renumbers).
    var sentenceNumber: Int32
    /// The sentence's first mention (an index into `AnnotatedArticle.mentions`), nil when it names no one.
    var firstMention: Int32?
    /// The entities the sentence names, in text order, each once.
    var entities: [EntityIndex]

    init(claimant: EntityIndex?, claim: Int?, number: String, value: Double?, approximate: Bool,
                unit: String, subject: FigureSubject, range: Range<Int>, sentence: Int32, firstMention: Int32?,
                entities: [EntityIndex]) {
        self.claimant = claimant
        self.claim = claim
        self.number = number
        self.value = value
        self.approximate = approximate
        self.unit = unit
        self.subject = subject
        self.range = range
        self.sentenceNumber = sentence
        self.firstMention = firstMention
        self.entities = entities
    }
}

extension Figure {
    /// Where pages and data link it: the first mention of its sentence (`#m<anchor>`), nil
    /// when the sentence names no one.
    func anchor(in annotation: AnnotatedArticle) -> Int32? { firstMention.map { annotation.mentions[Int($0)].anchor } }

    /// A value as JSON writes numbers: whole numbers without a fraction.
    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A value for people, thousands grouped: `12,000`, `2,000,000,000`, `1.5`.
    static func grouped(_ value: Double) -> String {
        let plain = decimal(value)
        guard value == value.rounded(), abs(value) < 1e15 else { return plain }
        var digits = Array(plain.hasPrefix("-") ? String(plain.dropFirst()) : plain)
        var index = digits.count - 3
        while index > 0 { digits.insert(",", at: index); index -= 3 }
        return (value < 0 ? "-" : "") + String(digits)
    }
}

extension FigureSubject {
    /// Its name on pages.
    var title: String {
        switch self {
        case .troopsSent: "Troops sent"
        case .troopsDeployed: "Troops deployed"
        case .troops: "Troops"
        case .killed: "Killed"
        case .wounded: "Wounded"
        case .casualties: "Casualties"
        case .prisoners: "Prisoners and captured"
        case .displaced: "Displaced"
        case .people: "People"
        case .missiles: "Missiles and rockets"
        case .drones: "Drones"
        case .shells: "Shells"
        case .tanks: "Tanks"
        case .aircraft: "Aircraft"
        case .money: "Money"
        }
    }

    /// Its page: `figures/troops-sent/index.html`.
    static func path(_ subject: FigureSubject) -> String { PageFile.of("figures/" + subject.rawValue + "/") }
}

/// What a figure counts: the unit noun's class, refined by the verb after it (`भेजे`: sent,
/// `तैनात`: deployed, `मारे गए`: killed). The vocabulary is `FigureVocabulary`.
enum FigureSubject: String, Sendable, Hashable, CaseIterable {
    /// Troops sent (`सैनिक भेजे`, `सैनिक भेजने का फैसला`).
    case troopsSent = "troops-sent"
    /// Troops deployed or present (`तैनात`, `मौजूद`, `रूस में … सैनिक हैं`).
    case troopsDeployed = "troops-deployed"
    /// Troops, no verb saying more.
    case troops
    /// People or troops killed (`मारे गए`, `की मौत`, `शहीद`).
    case killed
    /// Wounded (`घायल`).
    case wounded
    /// Casualties, killed and wounded together (`हताहत`).
    case casualties
    /// Prisoners and the captured (`कैदी`, `बंदी`, `पकड़े गए`).
    case prisoners
    /// The displaced (`विस्थापित`).
    case displaced
    /// People, no verb saying more.
    case people
    case missiles, drones, shells, tanks, aircraft
    /// Sums of money (`डॉलर`, `रुपये`, `रूबल`).
    case money
}
