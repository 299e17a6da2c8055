using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using RefSurfaceCheck;

namespace Nop.Plugin.Payments.ParamPos.Tests.Packaging;

/// <summary>
/// The surface checker must catch every kind of mismatch that breaks a plugin in a real store (ARCHITECTURE §3).
/// "Real" sources here are small hand-written stand-ins; maintainers run the tool against a real tree (README).
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Packaging)]
public class RefSurfaceCheckTests
{
    private const string REAL = """
        namespace Nop.Core.Domain.Payments;
        public enum PaymentStatus { Pending = 10, Authorized = 20, Paid = 30 }
        public partial class Holder
        {
            public const string NAME = $"{nameof(Holder)}.Name";
            public string Key { get; protected set; }
            public Task<int> FindAsync(int orderId, bool? useSsl = null) => Task.FromResult(orderId);
        }
        public partial interface IPaymentMethod
        {
            Task PayAsync(int orderId);
            bool SkipPaymentInfo { get; }
        }
        """;

    private static List<Finding> Check(string refSource, string realSource = REAL, string refAssembly = "Nop.Core")
    {
        var reference = new Dictionary<string, Dictionary<string, TypeModel>>
        {
            [refAssembly] = SurfaceReader.Read(refAssembly, [("ref.cs", refSource)])
        };
        var real = new Dictionary<string, Dictionary<string, TypeModel>>
        {
            ["Nop.Core"] = SurfaceReader.Read("Nop.Core", [("real.cs", realSource)]),
            ["Nop.Services"] = new()
        };

        return SurfaceComparer.Compare(reference, real).Findings;
    }

    [Test]
    public void IdenticalDeclarations_HaveNoFindings()
    {
        Check(REAL).Should().BeEmpty();
    }

    [Test]
    public void EquivalentSpellings_AreNotMismatches()
    {
        var refSource = """
            namespace Nop.Core.Domain.Payments;
            public enum PaymentStatus { Pending = 10, Authorized = 20, Paid = 30 }
            public partial class Holder
            {
                public const string NAME = "Holder.Name";
                public string Key { get; protected set; }
                public System.Threading.Tasks.Task<int> FindAsync(int orderId, bool? useSsl = null) { return null; }
            }
            """;

        Check(refSource).Should().BeEmpty("a folded constant and a qualified type name are the same declaration");
    }

    [TestCase("Authorized = 21", "value: ref '21', real '20'")]
    [TestCase("Pending = 10, Authorized, Paid = 30", "value: ref '11', real '20'")]
    public void WrongEnumValue_IsReported(string members, string expected)
    {
        var findings = Check(REAL.Replace("Pending = 10, Authorized = 20, Paid = 30", members.Contains("Pending") ? members : "Pending = 10, " + members + ", Paid = 30"));

        findings.Should().ContainSingle(finding => finding.Message.Contains(expected));
    }

    [Test]
    public void WrongParameterName_IsReported()
    {
        Check(REAL.Replace("FindAsync(int orderId", "FindAsync(int id"))
            .Should().Contain(finding => finding.Message == "parameter 1 name: ref 'id', real 'orderId'");
    }

    [Test]
    public void WrongDefaultValue_IsReported()
    {
        Check(REAL.Replace("bool? useSsl = null", "bool? useSsl = false"))
            .Should().ContainSingle(finding => finding.Message == "parameter 2 default: ref 'false', real 'null'");
    }

    [Test]
    public void WrongConstValue_IsReported()
    {
        Check(REAL.Replace("$\"{nameof(Holder)}.Name\"", "\"Holder.Nom\""))
            .Should().ContainSingle(finding => finding.Message == "value: ref '\"Holder.Nom\"', real '\"Holder.Name\"'");
    }

    [Test]
    public void WrongAccessors_AreReported()
    {
        Check(REAL.Replace("{ get; protected set; }", "{ get; set; }"))
            .Should().ContainSingle(finding => finding.Message.StartsWith("accessors:"));
    }

    [Test]
    public void WrongParameterType_IsReportedWithTheRealSignature()
    {
        Check(REAL.Replace("FindAsync(int orderId", "FindAsync(long orderId"))
            .Should().ContainSingle(finding => finding.Message.Contains("real has: method FindAsync(int, bool?)"));
    }

    [Test]
    public void MemberMissingFromAnInterfaceThePluginImplements_IsReported()
    {
        var refSource = REAL.Replace("bool SkipPaymentInfo { get; }", "").Replace("namespace Nop.Core.Domain.Payments;", "namespace Nop.Services.Payments;");
        var realSource = REAL.Replace("namespace Nop.Core.Domain.Payments;", "namespace Nop.Services.Payments;");

        Check(refSource, realSource).Should().ContainSingle(finding => finding.Category == "INCOMPLETE" && finding.Member == "property SkipPaymentInfo");
    }

    [Test]
    public void AbstractMemberMissingFromABaseClassThePluginDerivesFrom_IsReported()
    {
        const string realBase = """
            namespace FluentMigrator;
            public abstract class AutoReversingMigration
            {
                public abstract void Up();
                public virtual void Down() { }
                public string Describe() => "";
            }
            """;
        var refBase = realBase.Replace("public abstract void Up();", "").Replace("public string Describe() => \"\";", "");

        var findings = Check(refBase, realBase);

        findings.Should().ContainSingle(finding => finding.Category == "INCOMPLETE").Which.Member.Should().Be("method Up()");
        Check(realBase.Replace("public string Describe() => \"\";", ""), realBase).Should().NotContain(finding => finding.Category == "INCOMPLETE",
            "a non-abstract member the plugin does not use may be left out");
    }

    [Test]
    public void TypeInTheWrongAssembly_IsReported()
    {
        Check(REAL, refAssembly: "Nop.Services")
            .Should().Contain(finding => finding.Message == "declared in assembly Nop.Core, not Nop.Services");
    }

    [Test]
    public void InventedMember_IsReportedMissing()
    {
        Check(REAL.Replace("public string Key", "public int Invented { get; set; }\n    public string Key"))
            .Should().ContainSingle(finding => finding.Category == "MISSING" && finding.Member == "property Invented");
    }

    [Test]
    public void RefDirectory_ParsesIntoTheFourHostAssemblies()
    {
        var coreTypes = SurfaceReader.ReadDirectory("Nop.Core", Path.Combine(RepositoryPaths.Ref, "Nop.Core"));
        var servicesTypes = SurfaceReader.ReadDirectory("Nop.Services", Path.Combine(RepositoryPaths.Ref, "Nop.Services"));

        coreTypes.Should().ContainKey("Nop.Core.Domain.Orders.Order");
        coreTypes.Should().ContainKey("Nop.Core.IPagedList`1");
        servicesTypes["Nop.Services.Payments.IPaymentMethod"].Members.Should().HaveCount(21, "14 methods and 7 properties");
        servicesTypes.Should().ContainKey("Nop.Services.Security.StandardPermission+Configuration");
    }
}
