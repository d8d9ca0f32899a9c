import XCTest
@testable import Analysis

/// The speed paths give the same answers as the plain ones they replace: NameSet against Set<String>,
/// the heap-walking cycle search against the generic one, the cached attribute order against the names.
final class FastPathTests: XCTestCase {
    func testNameSetHoldsExactlyWhatASetOfStringsHolds() {
        var names = NameSet()
        var reference = Set<String>()
        // Short, long, empty and non-ASCII names, each inserted twice, past several growths.
        let samples = (0..<600).map { i in
            i % 7 == 0 ? "a_much_longer_identifier_than_fifteen_bytes_\(i)" : i % 11 == 0 ? "é\(i)" : "n\(i)"
        } + [""]
        for s in samples + samples {
            XCTAssertEqual(names.insert(s), reference.insert(s).inserted, s)
        }
        XCTAssertEqual(names.count, reference.count)
        XCTAssertEqual(Set(names), reference)
        for s in samples { XCTAssertTrue(names.contains(s), s) }
        XCTAssertFalse(names.contains("n600"))
        XCTAssertFalse(NameSet().contains(""))
    }

    /// Lists that refer to each other: a 3-cycle, a self-loop, a chain into the cycle, and a dead object.
    func testCycleSearchOverTheHeapMatchesTheGenericSearch() {
        let heap = Heap()
        let objs = (0..<7).map { _ in heap.allocate(.list, typeName: "list", site: 1) }
        func link(_ a: Int, _ b: Int) { objs[a].items.append(Slot(value: .obj(b), line: 1)) }
        link(0, 1); link(1, 2); link(2, 0)   // cycle 0 → 1 → 2 → 0
        link(3, 3)                           // self-loop
        link(4, 0); link(4, 5)               // chain into the cycle
        link(5, 6); link(6, 5)               // cycle 5 ↔ 6, but 6 is dead
        objs[6].alive = false
        let intAtom = heap.allocate(.int, typeName: "int", site: 1)
        link(2, intAtom.id)                  // not a holder: never a successor
        func successors(_ id: Int) -> [Int] {
            var out: [Int] = []
            heap[id].forEachTarget { t in
                let o = heap[t]
                if o.alive, o.visible, o.canHoldReferences { out.append(t) }
            }
            return out
        }
        let nodes = [4, 3, 2, 1, 0, 5]
        let generic = CycleFinder.components(nodes: nodes, successors: successors)
        XCTAssertEqual(generic, [[0, 1, 2], [3]])
        XCTAssertEqual(CycleFinder.components(in: heap, nodes: nodes), generic)
    }

    func testAttributeTargetsFollowBindingOrderAfterEveryChange() {
        let heap = Heap()
        let owner = heap.allocate(.instance, typeName: "C", site: 1)
        let a = heap.allocate(.list, typeName: "list", site: 1)
        let b = heap.allocate(.list, typeName: "list", site: 1)
        func targets() -> [Int] {
            var out: [Int] = []
            owner.forEachTarget { out.append($0) }
            return out
        }
        owner.attrNames = ["x", "y"]
        owner.attrs = ["x": Slot(value: .obj(a.id), line: 1), "y": Slot(value: .obj(b.id), line: 1)]
        XCTAssertEqual(targets(), [a.id, b.id])
        owner.attrs["x"] = Slot(value: .obj(b.id), line: 2)
        XCTAssertEqual(targets(), [b.id, b.id])
        owner.attrNames.removeAll { $0 == "x" }
        owner.attrs["x"] = nil
        XCTAssertEqual(targets(), [b.id])
        XCTAssertTrue(owner.refersTo(b.id))
        XCTAssertFalse(owner.refersTo(a.id))
        var unordered: [Int] = []
        owner.forEachTargetUnordered { unordered.append($0) }
        XCTAssertEqual(unordered, [b.id])
    }
}
