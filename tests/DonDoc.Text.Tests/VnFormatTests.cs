using DonDoc.Text;

namespace DonDoc.Text.Tests;

public class VnFormatTests
{
    [Fact]
    public void Culture_is_vi_VN() => Assert.Equal("vi-VN", VnFormat.Culture.Name);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(10027, "10.027")]
    [InlineData(1234567, "1.234.567")]
    [InlineData(-10027, "-10.027")]
    public void Number_groups_thousands_with_dots(long value, string expected) =>
        Assert.Equal(expected, VnFormat.Number(value));

    [Theory]
    [InlineData("102.9", 1, "102,9")]
    [InlineData("10027.5", 1, "10.027,5")]
    [InlineData("3", 2, "3,00")]
    [InlineData("0.125", 2, "0,13")]
    public void Number_with_decimals_uses_a_comma(string value, int decimals, string expected) =>
        Assert.Equal(expected, VnFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("102.9", 1, "102,9%")]
    [InlineData("100", 1, "100%")]
    [InlineData("100.04", 1, "100%")]
    [InlineData("12.95", 1, "13%")]
    [InlineData("133", 0, "133%")]
    [InlineData("12.50", 2, "12,5%")]
    [InlineData("1234.5", 1, "1.234,5%")]
    public void Percent_drops_a_zero_fraction(string value, int decimals, string expected) =>
        Assert.Equal(expected, VnFormat.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void Percent_defaults_to_one_decimal() => Assert.Equal("33,3%", VnFormat.Percent(33.333m));

    [Fact]
    public void Date_is_dd_MM_yyyy()
    {
        Assert.Equal("08/07/2019", VnFormat.Date(new DateOnly(2019, 7, 8)));
        Assert.Equal("08/07/2019", VnFormat.Date((DateOnly?)new DateOnly(2019, 7, 8)));
        Assert.Equal("", VnFormat.Date((DateOnly?)null));
    }

    [Theory]
    [InlineData("08/07/2019")]
    [InlineData("8/7/2019")]
    [InlineData(" 8/07/2019 ")]
    [InlineData("2019-07-08")]
    public void TryParseDate_accepts_office_and_iso_forms(string input)
    {
        Assert.True(VnFormat.TryParseDate(input, out var d));
        Assert.Equal(new DateOnly(2019, 7, 8), d);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("31/02/2019")]
    [InlineData("07/08/19")]
    [InlineData("2019/07/08")]
    [InlineData("8-7-2019")]
    [InlineData("hôm qua")]
    public void TryParseDate_rejects_other_text(string? input) => Assert.False(VnFormat.TryParseDate(input, out _));

    [Theory]
    [InlineData(2019, 7, 8, "Hà Nội, ngày 08 tháng 7 năm 2019")]
    [InlineData(2022, 1, 13, "Hà Nội, ngày 13 tháng 01 năm 2022")]
    [InlineData(2022, 2, 3, "Hà Nội, ngày 03 tháng 02 năm 2022")]
    [InlineData(2022, 12, 25, "Hà Nội, ngày 25 tháng 12 năm 2022")]
    [InlineData(2022, 3, 1, "Hà Nội, ngày 01 tháng 3 năm 2022")]
    public void LongDate_pads_days_and_the_first_two_months(int y, int m, int d, string expected) =>
        Assert.Equal(expected, VnFormat.LongDate("Hà Nội", new DateOnly(y, m, d)));
}
