namespace ParamPos.Sandbox;

/// <summary>
/// Default tables. Card numbers are Param's published test cards (ParamPOS.md §14); rates are invented but shaped like
/// real TP_Ozel_Oran_SK_Liste rows, including -1 and -2 ("not offered").
/// </summary>
public static class SandboxData
{
    private const decimal NO = -2m;
    private const decimal OFF = -1m;

    public static List<SandboxCardProgram> DefaultPrograms()
    {
        return
        [
            Program(1029, "Diğer Banka Kartları", "diger_kredi_kart", 1.75m, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO),
            Program(1013, "Bankkart Combo", "bankkart", 1.79m, 3.49m, 4.59m, 5.69m, 6.79m, 7.89m, 8.99m, 10.09m, 11.19m, NO, NO, NO),
            Program(1014, "Axess", "axess", 1.75m, 3.20m, 4.10m, NO, NO, 7.90m, OFF, NO, NO, NO, NO, NO),
            Program(1015, "Paraf", "paraf", 1.85m, 3.35m, 4.45m, 5.55m, 6.65m, 7.75m, NO, NO, 10.95m, NO, NO, 14.25m),
            Program(1016, "Maximum", "maximum", 1.69m, 3.19m, 4.29m, 5.39m, 6.49m, 7.59m, NO, NO, NO, NO, NO, NO),
            Program(1017, "CardFinans", "cardfinans", 1.89m, 3.39m, 4.49m, NO, NO, 7.99m, NO, NO, NO, NO, NO, NO),
            Program(1018, "Bonus", "bonus", 1.72m, 3.22m, 4.32m, 5.42m, 6.52m, 7.62m, 8.72m, 9.82m, 10.92m, 12.02m, 13.12m, 14.22m),
        ];
    }

    public static List<SandboxBin> DefaultBins()
    {
        return
        [
            Bin("454671", 1013, "T.C. ZİRAAT BANKASI A.Ş.", "Kredi Kartı", "VISA", "10", "Bankkart Combo"),
            Bin("444676", 1013, "T.C. ZİRAAT BANKASI A.Ş.", "Kredi Kartı", "VISA", "10", "Bankkart Combo"),
            Bin("557113", 1014, "AKBANK T.A.Ş.", "Credit Card", "MASTER CARD", "46", "Axess"),
            Bin("581877", 1029, "TÜRKİYE HALK BANKASI A.Ş.", "Debit Card", "MASTER CARD", "12", "Diğer Banka Kartları", dkk: 1),
            Bin("453144", 1015, "TÜRKİYE HALK BANKASI A.Ş.", "Kredi Kartı", "VISA", "12", "Paraf"),
            Bin("545616", 1017, "QNB FİNANSBANK A.Ş.", "Kredi Kartı", "MASTER CARD", "111", "CardFinans"),
            Bin("450803", 1016, "TÜRKİYE İŞ BANKASI A.Ş.", "Kredi Kartı", "VISA", "64", "Maximum", commercial: true),
            Bin("540667", 1016, "TÜRKİYE İŞ BANKASI A.Ş.", "Kredi Kartı", "MASTER CARD", "64", "Maximum"),
            Bin("520019", 1018, "DENİZBANK A.Ş.", "Kredi Kartı", "MASTER CARD", "134", "Bonus"),
            Bin("457727", 1029, "YURT DIŞI BANKA", "Credit Card", "VISA", "0", "Diğer Banka Kartları", foreign: true),
            Bin("516310", 1029, "YURT DIŞI BANKA", "Credit Card", "MASTER CARD", "0", "Diğer Banka Kartları", foreign: true),
        ];
    }

    public static List<SandboxCard> DefaultCards()
    {
        return
        [
            Card("4546711234567894", "Ziraat VISA — approved", CardBehaviour.Approve),
            Card("4446763125813623", "Ziraat VISA — approved", CardBehaviour.Approve),
            Card("5571135571135575", "Akbank MasterCard (Axess) — approved", CardBehaviour.Approve),
            Card("5818775818772285", "Halkbank MasterCard debit — approved, single payment only", CardBehaviour.Approve),
            Card("5406675406675403", "İş Bankası MasterCard (Maximum) — approved", CardBehaviour.Approve),
            Card("5200190009721495", "DenizBank MasterCard (Bonus) — approved", CardBehaviour.Approve),
            Card("4531444531442283", "Halkbank VISA (Paraf) — insufficient funds at TP_WMD_Pay", CardBehaviour.InsufficientFunds),
            Card("5456165456165454", "QNB MasterCard (CardFinans) — declined by TP_WMD_UCD", CardBehaviour.DeclineAtStart),
            Card("4508034508034509", "İş Bankası VISA commercial — half 3D (mdStatus 2)", CardBehaviour.HalfThreeD),
            Card("4355084355084358", "Test VISA — 3-D authentication fails (mdStatus 0)", CardBehaviour.FailThreeD),
            Card("4577270000134621", "Foreign VISA — approved, also in USD / EUR / GBP", CardBehaviour.Approve),
            Card("5163103002982563", "Foreign MasterCard — approved, also in USD / EUR / GBP", CardBehaviour.Approve),
        ];
    }

    private static SandboxCardProgram Program(int posId, string name, string logo, params decimal[] rates)
    {
        return new SandboxCardProgram { PosId = posId, Name = name, LogoUrl = $"https://param.com.tr/images/banka/{logo}.png", Rates = rates };
    }

    private static SandboxBin Bin(string bin, int posId, string bank, string type, string scheme, string bankCode, string brand, bool commercial = false, int dkk = 0, bool foreign = false)
    {
        return new SandboxBin { Bin = bin, PosId = posId, Bank = bank, CardType = type, Scheme = scheme, BankCode = bankCode, Brand = brand, Commercial = commercial, Dkk = dkk, Foreign = foreign };
    }

    private static SandboxCard Card(string number, string label, CardBehaviour behaviour)
    {
        return new SandboxCard { Number = number, Label = label, Behaviour = behaviour };
    }
}
