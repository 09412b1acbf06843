using System.Text;
using BenchmarkDotNet.Attributes;
using DonDoc.Text;

namespace DonDoc.Bench;

/// <summary>
/// Search keys and document symbols, made by the thousand on import and on every save of a unit,
/// task or document. Times are per name (per symbol).
/// </summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    public const int Batch = 10_000;

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] Given = ["Thị Hồng Vân", "Quốc Hùng", "Minh Tuấn", "Thu Trang", "Văn Long", "Thị Lan", "Đức Thắng"];
    private static readonly string[] UnitNames =
    [
        "Thành ủy Hà Nội", "Tỉnh ủy Thanh Hóa", "Đảng bộ phường số {0} (Huế)", "Chi bộ số {0}, Đảng bộ xã số 12",
        "Ban Tuyên giáo Thành uỷ", "Uỷ ban Kiểm tra Tỉnh ủy Khánh Hoà", "Đảng ủy Khối các cơ quan tỉnh",
    ];
    private static readonly string[] SymbolForms =
    [
        "{0}-CT/TW", "{0}-NQ/TU", "{0}-KL/TW", "{0}-KH/TU", "{0}/QĐ-UBND", "{0}/2020/NĐ-CP", "số {0}-HD/VPTW",
        "{0} – CTr/TU", "{0} / QĐ-TTg", "{0}-CT", "CT/TW", "{0}-ct/tw.",
    ];

    private string[] _names = [];
    private string[] _symbols = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string Pick(string[] items) => items[random.Next(items.Length)];
        _names = Enumerable.Range(0, Batch).Select(i => (i % 3) switch
        {
            0 => $"{Pick(Surnames)} {Pick(Given)}",
            // One name in ten arrives decomposed (NFD), as text pasted from some word processors does.
            1 when i % 10 == 1 => string.Format(Pick(UnitNames), random.Next(1, 200)).Normalize(NormalizationForm.FormD),
            _ => string.Format(Pick(UnitNames), random.Next(1, 200)),
        }).ToArray();
        _symbols = Enumerable.Range(0, Batch).Select(_ => string.Format(Pick(SymbolForms), random.Next(1, 400))).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Fold()
    {
        var length = 0;
        foreach (var name in _names)
            length += VnText.Fold(name).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ParseSymbols()
    {
        var ok = 0;
        foreach (var symbol in _symbols)
            if (DocumentSymbol.Parse(symbol).Ok)
                ok++;
        return ok;
    }
}
