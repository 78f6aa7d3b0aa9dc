import Vring
import XCTest

@testable import VringOracle

final class LitmusParserTests: XCTestCase {
    private func test(_ body: String, threads: String = "", condition: String = "exists (0:r0=1)") -> String {
        "C T\n\n(* Result: Never *)\n\n{}\n\n\(threads.isEmpty ? body : threads)\n\n\(condition)\n"
    }

    func testReadsNameResultInitialValuesAndPointers() throws {
        let parsed = try LitmusParser.parse(
            """
            C Pointers+init
            (*
             * Result: Sometimes
             *)
            { x=3; int *p = y; 0:r1=7; }
            P0(int *x, int **p, int *y)
            {
            \tint *r0;
            \tr0 = READ_ONCE(*p);
            }
            exists (0:r0=y /\\ x=3)
            """)
        XCTAssertEqual(parsed.name, "Pointers+init")
        XCTAssertEqual(parsed.declaredResult, .sometimes)
        XCTAssertEqual(parsed.initialValues["x"], .integer(3))
        XCTAssertEqual(parsed.initialValues["p"], .address("y"))
        XCTAssertEqual(parsed.registerInitialValues[0]?["r1"], .integer(7))
        XCTAssertEqual(parsed.threads[0].parameters, ["x", "p", "y"])
        // p initially points to y, so the load returns y's address in every execution.
        XCTAssertEqual(try LitmusChecker.check(parsed).verdict, .always)
    }

    func testSyntaxErrorsNameTheLine() {
        let source = "C Broken\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}\nexists (x=1)\n"
        XCTAssertThrowsError(try LitmusParser.parse(source)) { error in
            guard case .syntax(let line, let message) = error as? LitmusError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 6)
            XCTAssertTrue(message.contains("expected ';'"), message)
        }
    }

    func testRefusalsSayWhatTheTestUses() {
        let cases: [(String, String)] = [
            ("P0(int *x)\n{\n\t*x = 1;\n}", "plain accesses"),
            ("P0(int *x)\n{\n\tint r0;\n\tr0 = cmpxchg(x, 0, 1);\n}", "uses cmpxchg"),
            (
                "P0(int *x)\n{\n\trcu_read_lock();\n\tWRITE_ONCE(*x, 1);\n\trcu_read_unlock();\n}",
                "uses rcu_read_lock, rcu_read_unlock"
            ),
            ("P0(int *x)\n{\n\tint r0[2];\n}", "uses arrays"),
            ("P0(int *x)\n{\n\twhile (1) { }\n}", "'while'"),
            ("P0(int *x)\n{\n}\nP1(int *x)\n{\n}\nP2(int *x)\n{\n}", "3 threads"),
        ]
        for (threads, expected) in cases {
            XCTAssertThrowsError(try LitmusParser.parse(test("", threads: threads))) { error in
                guard case .refused(let reason) = error as? LitmusError else { return XCTFail("\(threads): \(error)") }
                XCTAssertTrue(reason.contains(expected), "\(reason) should mention \(expected)")
            }
        }
    }

    func testNonCLitmusTestsAreRefused() {
        let report = LitmusReport.run(source: "X86 SB\n{}\n P0 | P1 ;\n", fallbackName: "SB.litmus")
        XCTAssertEqual(report.line, "Refused SB.litmus: not a C litmus test (first line is \"X86 SB\")")
    }

    func testParenthesisedCommentsAreCommentsOnlyOutsideBraces() throws {
        let source =
            "C Comments\n(* before *)\n{}\nP0(int *x) // writer\n{\n\tint r0;\n\tr0 = READ_ONCE(*x); /* (* not a comment here */\n}\nexists (0:r0=0) (* trailing *)\n"
        let result = try LitmusChecker.check(source: source)
        XCTAssertEqual(result.observationLine, "Observation Comments Always 1 0")
    }

    func testConditionConnectivesAndNegation() throws {
        let body = "P0(int *x)\n{\n\tint r0;\n\tWRITE_ONCE(*x, 2);\n\tr0 = READ_ONCE(*x);\n}"
        XCTAssertEqual(
            try LitmusChecker.check(source: test("", threads: body, condition: "exists (0:r0=2 /\\ ~(x=1))")).verdict,
            .always)
        XCTAssertEqual(
            try LitmusChecker.check(source: test("", threads: body, condition: "exists (0:r0=1 \\/ x=1)")).verdict,
            .never)
        XCTAssertEqual(
            try LitmusChecker.check(source: test("", threads: body, condition: "forall (x=2)")).verdict, .always)
    }
}
