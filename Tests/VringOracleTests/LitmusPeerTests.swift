import Vring
import XCTest

@testable import VringOracle

/// The same message-passing shape judged against an SMP CPU and against a device: smp_*
/// fences are compiler barriers for a device, mandatory and dma_* fences are not.
final class LitmusPeerTests: XCTestCase {
    private func messagePassing(writerFence: String, readerFence: String) -> String {
        """
        C MP+\(writerFence)+\(readerFence)
        {}
        P0(int *data, int *flag)
        {
        \tWRITE_ONCE(*data, 1);
        \t\(writerFence)();
        \tWRITE_ONCE(*flag, 1);
        }
        P1(int *data, int *flag)
        {
        \tint r0;
        \tint r1;
        \tr0 = READ_ONCE(*flag);
        \t\(readerFence)();
        \tr1 = READ_ONCE(*data);
        }
        exists (1:r0=1 /\\ 1:r1=0)
        """
    }

    private func verdict(_ writer: String, _ reader: String, _ peer: Peer) throws -> LitmusVerdict {
        try LitmusChecker.check(source: messagePassing(writerFence: writer, readerFence: reader), peer: peer).verdict
    }

    func testSMPFencesOrderOnlyForAnSMPPeer() throws {
        XCTAssertEqual(try verdict("smp_wmb", "smp_rmb", .smpCPU), .never)
        XCTAssertEqual(try verdict("smp_wmb", "smp_rmb", .device), .sometimes)
        XCTAssertEqual(try verdict("virt_wmb", "virt_rmb", .device), .sometimes)
    }

    func testMandatoryAndDMAFencesOrderForADevice() throws {
        XCTAssertEqual(try verdict("wmb", "rmb", .device), .never)
        XCTAssertEqual(try verdict("dma_wmb", "dma_rmb", .device), .never)
        XCTAssertEqual(try verdict("mb", "mb", .device), .never)
    }

    func testCompilerBarrierAndWrongKindsOrderNothing() throws {
        XCTAssertEqual(try verdict("barrier", "barrier", .smpCPU), .sometimes)
        XCTAssertEqual(try verdict("rmb", "rmb", .device), .sometimes)
        XCTAssertEqual(try verdict("wmb", "wmb", .smpCPU), .sometimes)
    }

    func testReportsExecutionsExploredAndAWitness() throws {
        let result = try LitmusChecker.check(source: messagePassing(writerFence: "barrier", readerFence: "barrier"))
        XCTAssertEqual(result.positive + result.negative, result.statistics.consistent)
        XCTAssertGreaterThanOrEqual(result.statistics.candidates, result.statistics.consistent)
        let witness = try XCTUnwrap(result.witness)
        XCTAssertEqual(witness.traces[1].observations["r0"], 1)
        XCTAssertEqual(witness.traces[1].observations["r1"], 0)
    }
}
