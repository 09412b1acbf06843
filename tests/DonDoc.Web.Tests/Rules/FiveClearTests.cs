using DonDoc.Web.Features.Reviews;

namespace DonDoc.Web.Tests.Rules;

/// <summary>A remediation item is saved only with all of the "5 rõ", and each one missing is named.</summary>
public sealed class FiveClearTests
{
    private static NewRemediationItem Complete() => new()
    {
        ResponsiblePerson = "Đồng chí Bí thư Đảng ủy",
        Title = "Rà soát, bổ sung quy chế làm việc",
        AccountableUnitId = 7,
        DueDate = new DateOnly(2024, 6, 30),
        ExpectedResult = "Quy chế làm việc được ban hành",
    };

    [Fact]
    public void An_item_with_all_five_passes() => Assert.Null(FiveClear.Check(Complete()));

    [Theory]
    [InlineData(nameof(NewRemediationItem.ResponsiblePerson), "Chưa rõ người chịu trách nhiệm.")]
    [InlineData(nameof(NewRemediationItem.Title), "Chưa rõ việc cần làm.")]
    [InlineData(nameof(NewRemediationItem.AccountableUnitId), "Chưa rõ cơ quan chịu trách nhiệm.")]
    [InlineData(nameof(NewRemediationItem.DueDate), "Chưa rõ thời hạn.")]
    [InlineData(nameof(NewRemediationItem.ExpectedResult), "Chưa rõ kết quả cần đạt.")]
    public void Each_missing_one_is_named_alone(string field, string message)
    {
        var item = Complete();
        typeof(NewRemediationItem).GetProperty(field)!.SetValue(item, null);
        var problems = FiveClear.Check(item)!.ToDictionary();
        Assert.Equal([message], Assert.Single(problems, p => p.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Single(problems);
    }

    [Fact]
    public void Blank_text_is_missing_and_an_empty_item_misses_all_five()
    {
        var blank = Complete();
        blank.ResponsiblePerson = "  ";
        blank.ExpectedResult = "";
        Assert.Equal(2, FiveClear.Check(blank)!.ToDictionary().Count);
        Assert.Equal(5, FiveClear.Check(new NewRemediationItem())!.ToDictionary().Count);
    }
}
