/// One optional box for the fields a node seldom fills (a def's decorators and return annotation, a
/// parameter's annotation): a node without any pays 8 bytes instead of the fields' full size.
/// Knows nothing of which node uses it.

/// An immutable box for the fields a node seldom uses; there is none (nil) when they are all empty.
/// Setting a field through the node makes a new box.
final class RareBox<Fields: RareFieldSet>: Sendable {
    let fields: Fields
    private init(fields: Fields) { self.fields = fields }

    /// A box for `fields`, or nil when they are all empty (checked before allocating anything).
    @inline(__always)
    static func make(_ fields: Fields) -> RareBox? { fields.isEmpty ? nil : RareBox(fields: fields) }
}

protocol RareFieldSet: Sendable {
    var isEmpty: Bool { get }
}
