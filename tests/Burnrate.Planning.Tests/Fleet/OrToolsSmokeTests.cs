using Google.OrTools.LinearSolver;

namespace Burnrate.Planning.Tests.Fleet;

public sealed class OrToolsSmokeTests
{
    [Fact]
    public void Should_SolveTinyMip_When_NativeRuntimeLoads()
    {
        using var solver = Solver.CreateSolver("SCIP");
        solver.ShouldNotBeNull();
        var x = solver.MakeIntVar(0, 10, "x");
        var c = solver.MakeConstraint(2.5, double.PositiveInfinity);
        c.SetCoefficient(x, 1);
        var objective = solver.Objective();
        objective.SetCoefficient(x, 3);
        objective.SetMinimization();
        solver.Solve().ShouldBe(Solver.ResultStatus.OPTIMAL);
        x.SolutionValue().ShouldBe(3);
    }
}
