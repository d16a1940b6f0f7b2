/// The unit nouns a figure counts and the verbs that say what happened to them: small closed
/// lists, documented here and in `FigureSubject`.
enum FigureVocabulary {
    enum UnitClass: Sendable { case troops, people, casualties, killed, wounded, prisoners, missiles, drones, shells, tanks, aircraft, money }

    static let units: WordMap<UnitClass> = [
        "सैनिक": .troops, "सैनिकों": .troops, "सैन्यकर्मी": .troops, "सैन्यकर्मियों": .troops, "जवान": .troops,
        "जवानों": .troops, "सिपाही": .troops, "सिपाहियों": .troops, "फौजी": .troops, "फौजियों": .troops, "सैनिकें": .troops,
        "लड़ाके": .troops, "लड़ाकों": .troops, "सुरक्षाकर्मी": .troops, "सुरक्षाकर्मियों": .troops,
        "लोग": .people, "लोगों": .people, "नागरिक": .people, "नागरिकों": .people, "बच्चे": .people, "बच्चों": .people,
        "व्यक्ति": .people, "व्यक्तियों": .people, "शरणार्थी": .people, "शरणार्थियों": .people,
        "हताहत": .casualties, "मौतें": .killed, "मौतों": .killed, "शव": .killed, "घायलों": .wounded,
        "कैदी": .prisoners, "कैदियों": .prisoners, "युद्धबंदी": .prisoners, "युद्धबंदियों": .prisoners, "बंधक": .prisoners, "बंधकों": .prisoners,
        "मिसाइल": .missiles, "मिसाइलें": .missiles, "मिसाइलों": .missiles, "रॉकेट": .missiles, "रॉकेटों": .missiles,
        "ड्रोन": .drones, "ड्रोनों": .drones, "गोले": .shells, "गोलों": .shells, "तोपगोले": .shells,
        "टैंक": .tanks, "टैंकों": .tanks, "विमान": .aircraft, "विमानों": .aircraft,
        "डॉलर": .money, "रुपये": .money, "रुपए": .money, "रूबल": .money, "यूरो": .money, "वॉन": .money, "येन": .money,
        "युआन": .money, "पाउंड": .money,
    ]

    /// Words that count people without a unit noun: `दो हजार घायल हुए`, `20 मारे गए`.
    static let impliedUnits: WordMap<UnitClass> = ["घायल": .wounded, "मारे": .killed, "मृत": .killed, "शहीद": .killed, "जख्मी": .wounded, "ज़ख्मी": .wounded]

    enum Event: Sendable { case sent, deployed, killed, wounded, casualties, captured, displaced }

    /// Verb stems (prefixes) after the unit, first found wins.
    static let events: [(String, Event)] = [
        ("भेज", .sent), ("रवाना", .sent), ("तैनात", .deployed), ("मौजूद", .deployed), ("मारे", .killed),
        ("मौत", .killed), ("मृत", .killed), ("शहीद", .killed), ("घायल", .wounded), ("जख्मी", .wounded),
        ("ज़ख्मी", .wounded), ("हताहत", .casualties), ("बंदी", .captured), ("पकड़े", .captured), ("विस्थापित", .displaced),
    ]

    /// Right after the unit, presence: `रूस में 10,000 सैनिक हैं`.
    static let presence: WordSet = ["है", "हैं", "था", "थे"]

    static let approximate: WordSet = ["लगभग", "करीब", "क़रीब", "तकरीबन", "तक़रीबन", "अनुमानित", "लगभाग"]

    /// `जिनमें से 8,000`: of whom; the figure counts the earlier figure's unit.
    static let partitive: WordSet = ["जिनमें", "इनमें", "उनमें", "जिसमें", "इसमें"]

    /// `1,000 से अधिक सैनिक`: more than; `से` here does not end the figure.
    static let comparatives: WordSet = ["अधिक", "ज्यादा", "ज़्यादा", "कम"]

    /// Prefixes compared as UTF-8: as characters `भेज` would not begin `भेजे`.
    static func event(of word: Word) -> Event? { events.first { word.starts(with: $0.0) }?.1 }

    static func subject(_ unit: UnitClass, _ event: Event?) -> FigureSubject {
        switch (unit, event) {
        case (_, .killed?): return unit == .money ? .money : .killed
        case (.troops, .sent?): return .troopsSent
        case (.troops, .deployed?): return .troopsDeployed
        case (_, .wounded?) where unit == .troops || unit == .people: return .wounded
        case (_, .casualties?) where unit == .troops || unit == .people: return .casualties
        case (_, .captured?) where unit == .troops || unit == .people: return .prisoners
        case (.people, .displaced?): return .displaced
        case (.troops, _): return .troops
        case (.people, _): return .people
        case (.casualties, _): return .casualties
        case (.killed, _): return .killed
        case (.wounded, _): return .wounded
        case (.prisoners, _): return .prisoners
        case (.missiles, _): return .missiles
        case (.drones, _): return .drones
        case (.shells, _): return .shells
        case (.tanks, _): return .tanks
        case (.aircraft, _): return .aircraft
        case (.money, _): return .money
        }
    }
}
