using Xunit.Abstractions;
using Xunit.Sdk;

namespace DonDoc.Web.Tests.Infrastructure;

/// <summary>Marks a test class that runs on PostgreSQL: its tests are skipped when no server is given, outside CI.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;

/// <summary>A fact whose class may run on PostgreSQL. xunit 2 decides skips at discovery, where the derived class is known.</summary>
[XunitTestCaseDiscoverer("DonDoc.Web.Tests.Infrastructure.DbFactDiscoverer", "DonDoc.Web.Tests")]
public sealed class DbFactAttribute : FactAttribute;

[XunitTestCaseDiscoverer("DonDoc.Web.Tests.Infrastructure.DbTheoryDiscoverer", "DonDoc.Web.Tests")]
public sealed class DbTheoryAttribute : TheoryAttribute;

public sealed class DbFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedTestCase.ReasonFor(method) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, options, method, reason)]
            : base.Discover(options, method, attribute);
}

public sealed class DbTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedTestCase.ReasonFor(method) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, options, method, reason)]
            : base.Discover(options, method, attribute);
}

public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the deserializer only.")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason)
        : base(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method) =>
        _reason = reason;

    public static string? ReasonFor(ITestMethod method) =>
        method.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute).AssemblyQualifiedName).Any()
            ? TestDatabases.PostgresSkipReason
            : null;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue("SkipReason", _reason);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
