using DonDoc.Text;

namespace DonDoc.Text.Tests;

public class DocumentSymbolTests
{
    [Theory]
    [InlineData("35-CT/TW", "35", "CT", "TW")]
    [InlineData("Số 155-KH/TU", "155", "KH", "TU")]
    [InlineData("số 01-CTr/TU", "01", "CTr", "TU")]
    [InlineData("Số 12-BC/VPTU", "12", "BC", "VPTU")]
    [InlineData("21-KL/TW", "21", "KL", "TW")]
    [InlineData("399-QĐ/TW", "399", "QĐ", "TW")]
    [InlineData("66-QĐi/TW", "66", "QĐi", "TW")]
    [InlineData("35-CT/TƯ", "35", "CT", "TW")]
    [InlineData("05-NQ/ĐU", "05", "NQ", "ĐU")]
    [InlineData("07-KH/UBKTTU", "07", "KH", "UBKTTU")]
    [InlineData("02-HD/BTGDVTU", "02", "HD", "BTGDVTU")]
    [InlineData("Số: 35-CT/TW", "35", "CT", "TW")]
    [InlineData("  Số   35 – CT / TW. ", "35", "CT", "TW")]
    [InlineData("35—CT/TW", "35", "CT", "TW")]
    [InlineData("35‐CT/TW", "35", "CT", "TW")]
    [InlineData("SỐ 35-CT/TW", "35", "CT", "TW")]
    public void Parses_party_symbols(string input, string number, string type, string issuer)
    {
        var result = DocumentSymbol.Parse(input);
        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(new DocumentSymbol(SymbolForm.Party, number, type, issuer, null), result.Symbol);
        Assert.Equal($"{number}-{type}/{issuer}", result.Symbol!.Canonical);
    }

    [Theory]
    [InlineData("Số: 15/QĐ-UBND", "15", null, "QĐ", "UBND", "15/QĐ-UBND")]
    [InlineData("15/QĐ-UBND", "15", null, "QĐ", "UBND", "15/QĐ-UBND")]
    [InlineData("30/2020/NĐ-CP", "30", 2020, "NĐ", "CP", "30/2020/NĐ-CP")]
    [InlineData("Số: 123/2024/QĐ-UBND", "123", 2024, "QĐ", "UBND", "123/2024/QĐ-UBND")]
    [InlineData("số 08/2019/QyĐ-UBND", "08", 2019, "QyĐ", "UBND", "08/2019/QyĐ-UBND")]
    [InlineData("1234/UBND-KT", "1234", null, "UBND", "KT", "1234/UBND-KT")]
    [InlineData("Số : 15 / QĐ - UBND", "15", null, "QĐ", "UBND", "15/QĐ-UBND")]
    public void Parses_state_symbols(string input, string number, int? year, string type, string issuer, string canonical)
    {
        var result = DocumentSymbol.Parse(input);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(new DocumentSymbol(SymbolForm.State, number, type, issuer, year), result.Symbol);
        Assert.Equal(canonical, result.Symbol!.Canonical);
    }

    [Fact]
    public void Decomposed_input_is_composed_first()
    {
        var result = DocumentSymbol.Parse("66-QĐi/TW".Normalize(System.Text.NormalizationForm.FormD));
        Assert.Equal("QĐi", result.Symbol?.TypeCode);
    }

    [Theory]
    [InlineData(null, "Ký hiệu trống.")]
    [InlineData("", "Ký hiệu trống.")]
    [InlineData("  Số  ", "Ký hiệu trống.")]
    [InlineData("-CT/TW", "Thiếu số văn bản trước dấu gạch ngang (ví dụ: 35-CT/TW).")]
    [InlineData("Số -CT/TW", "Thiếu số văn bản trước dấu gạch ngang (ví dụ: 35-CT/TW).")]
    [InlineData("/QĐ-UBND", "Thiếu số văn bản trước dấu “/” (ví dụ: 15/QĐ-UBND).")]
    [InlineData("3a-CT/TW", "Số văn bản phải là chữ số: “3a”.")]
    [InlineData("CT/TW", "Số văn bản phải là chữ số: “CT”.")]
    [InlineData("35-CT/", "Thiếu cơ quan ban hành sau dấu “/” (ví dụ: 35-CT/TW).")]
    [InlineData("35-/TW", "Thiếu loại văn bản giữa dấu gạch ngang và dấu “/” (ví dụ: 35-CT/TW).")]
    [InlineData("35-", "Thiếu loại văn bản sau dấu gạch ngang (ví dụ: 35-CT/TW).")]
    [InlineData("35-CT", "Thiếu dấu “/” và cơ quan ban hành sau loại văn bản “CT” (ví dụ: 35-CT/TW).")]
    [InlineData("35", "Thiếu loại văn bản và cơ quan ban hành sau số “35” (ví dụ: 35-CT/TW hoặc 15/QĐ-UBND).")]
    [InlineData("Chỉ thị 35", "Ký hiệu “Chỉ thị 35” không đúng dạng số-loại/cơ quan (ví dụ: 35-CT/TW hoặc 15/QĐ-UBND).")]
    [InlineData("35-C1/TW", "Loại văn bản “C1” chỉ được gồm chữ cái.")]
    [InlineData("35-CT/TW abc", "Cơ quan ban hành “TW abc” chỉ được gồm chữ cái, chữ số và dấu gạch ngang.")]
    [InlineData("35-CT/TW/TU", "Cơ quan ban hành “TW/TU” chỉ được gồm chữ cái, chữ số và dấu gạch ngang.")]
    [InlineData("30/20200/NĐ-CP", "Năm “20200” không hợp lệ.")]
    [InlineData("30/1850/NĐ-CP", "Năm “1850” không hợp lệ.")]
    [InlineData("30//NĐ-CP", "Thiếu năm giữa hai dấu “/” (ví dụ: 30/2020/NĐ-CP).")]
    [InlineData("15/", "Thiếu loại văn bản và cơ quan ban hành sau dấu “/” (ví dụ: 15/QĐ-UBND).")]
    [InlineData("15/QĐUBND", "Thiếu dấu gạch ngang giữa loại văn bản và cơ quan ban hành trong “QĐUBND” (ví dụ: 15/QĐ-UBND).")]
    [InlineData("15/-UBND", "Thiếu loại văn bản sau dấu “/” (ví dụ: 15/QĐ-UBND).")]
    [InlineData("15/QĐ-", "Thiếu cơ quan ban hành sau dấu gạch ngang (ví dụ: 15/QĐ-UBND).")]
    public void Reports_what_is_wrong(string? input, string error)
    {
        var result = DocumentSymbol.Parse(input);
        Assert.False(result.Ok);
        Assert.Null(result.Symbol);
        Assert.Equal(error, result.Error);
    }
}
