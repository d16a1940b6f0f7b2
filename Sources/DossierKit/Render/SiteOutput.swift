/// One file of the built site (other than article pages), how to make it, and whether a
/// change of the site reaches it, so that a rebuild redoes only the files it must. Its
/// emitter (`SiteEmitters`) says both, next to each other.
struct SiteOutput: Sendable {
    let path: String
    /// Whether `change` alters the file: asked only of a rebuild's outputs (a first build
    /// makes them all).
    let isAffected: @Sendable (GraphChange) -> Bool
    /// Large aggregate a preview server may make only when it is asked for.
    let isLarge: Bool
    /// Receives a piece of a file's text as UTF-8 (bytes, so that text built as bytes is
    /// not checked again on its way to the disk).
    typealias Emit = (UnsafeRawBufferPointer) -> Void

    /// Hands the file's text, piece by piece in order, to the function it is given: large
    /// files go to disk as they are made instead of being held whole.
    let produce: @Sendable (_ emit: Emit) -> Void

    init(path: String, isLarge: Bool = false, affectedBy isAffected: @escaping @Sendable (GraphChange) -> Bool,
         make: @escaping @Sendable () -> [String]) {
        self.init(path: path, isLarge: isLarge, affectedBy: isAffected) { emit in
            for piece in make() { SiteOutput.emit(piece, to: emit) }
        }
    }

    init(path: String, isLarge: Bool = false, affectedBy isAffected: @escaping @Sendable (GraphChange) -> Bool,
         produce: @escaping @Sendable (_ emit: Emit) -> Void) {
        self.path = path
        self.isAffected = isAffected
        self.isLarge = isLarge
        self.produce = produce
    }

    /// The whole file.
    func bytes() -> [UInt8] {
        var bytes: [UInt8] = []
        produce { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func emit(_ text: String, to emit: Emit) {
        var copy = text
        copy.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
    }

    /// Made again on every change: it reads the whole dossier.
    static let always: @Sendable (GraphChange) -> Bool = { _ in true }
}
