namespace ParamPos.Sandbox;

/// <summary>
/// Everything the sandbox can be told: the test merchant, the rate and BIN tables, the test cards.
/// Defaults reproduce Param's published test account (10738 / Test / Test / 0c13d406-…).
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 5271;

    /// <summary>The test merchant.</summary>
    public SandboxMerchant Merchant { get; set; } = new();

    /// <summary>
    /// When true, every Toplam_Tutar must equal Islem_Tutar plus the commission of the card's rate (else -202);
    /// when false (default) Toplam_Tutar = Islem_Tutar is also accepted, as for a merchant that absorbs the commission
    /// (OPEN-QUESTIONS A3).
    /// </summary>
    public bool StrictCommission { get; set; }

    /// <summary>End-customer rate table served by TP_Ozel_Oran_SK_Liste.</summary>
    public List<SandboxCardProgram> Programs { get; set; } = SandboxData.DefaultPrograms();

    /// <summary>BIN table served by BIN_SanalPos.</summary>
    public List<SandboxBin> Bins { get; set; } = SandboxData.DefaultBins();

    /// <summary>Test cards with a scripted outcome; any other Luhn-valid card is approved.</summary>
    public List<SandboxCard> Cards { get; set; } = SandboxData.DefaultCards();

    /// <summary>The Paratika merchant (API and hosted payment page).</summary>
    public SandboxParatikaMerchant Paratika { get; set; } = new();

    /// <summary>
    /// Paratika test cards the hosted page declines, with the bank error it reports; any other Luhn-valid card is approved
    /// (after the 3-D step, where the tester may still decline).
    /// </summary>
    public Dictionary<string, string> ParatikaDeclines { get; set; } = new()
    {
        ["4920244920244921"] = "ERR20051",
        ["4258464258464253"] = "ERR20005"
    };

    /// <summary>What Param keeps of each sale, in percent (Komisyon_Oran of its reports); the rest is paid out (Net_Tutar).</summary>
    public decimal MerchantCommissionRate { get; set; } = 1.79m;

    /// <summary>
    /// Whether the bank's result of a saved-card sale (KS_Tahsilat) carries TURKPOS_RETVAL_Hash. No source lists it
    /// (OPEN-QUESTIONS A28/A33); the emulator's default is to send it, and false shows a store that must do without.
    /// </summary>
    public bool SavedCardResultHash { get; set; } = true;

    /// <summary>
    /// Whether KS_Tahsilat answers its UCD_URL as HTML to render (one reading of the sources, A28) instead of the bank
    /// page's URL (the default).
    /// </summary>
    public bool SavedCardThreeDAsHtml { get; set; }

    /// <summary>The marketplace's ETS_GUID the marketplace service accepts (Param's examples use the merchant GUID: M3).</summary>
    public string MarketplaceGuid { get; set; } = "0c13d406-873b-403b-9c09-a5766840d98c";

    /// <summary>An individual seller's spending limit in TL (M17: not published; a test may lower it).</summary>
    public decimal IndividualSellerLimit { get; set; } = 100_000m;

    /// <summary>Business days from an approval to the payout (the vade; not published: M16).</summary>
    public int PayoutDays { get; set; } = 1;

    /// <summary>
    /// Milliseconds added to every call of the services and of the external BIN service stand-in (a simulated network
    /// and gateway delay, for benchmarks); also settable while running (POST /sandbox/api/latency).
    /// </summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>SanalPOS_ID of cards whose BIN is not in the table.</summary>
    public int DefaultProgramId { get; set; } = 1029;
}

/// <summary>The merchant account the sandbox accepts.</summary>
public sealed class SandboxMerchant
{
    public string ClientCode { get; set; } = "10738";
    public string Username { get; set; } = "Test";
    public string Password { get; set; } = "Test";
    public string Guid { get; set; } = "0c13d406-873b-403b-9c09-a5766840d98c";
}

/// <summary>A row of the rate table: rates in percent for 1…12 installments; -1 / -2 mean not offered.</summary>
public sealed class SandboxCardProgram
{
    public int PosId { get; set; }
    public string Name { get; set; }
    public string LogoUrl { get; set; }
    public decimal[] Rates { get; set; } = new decimal[12];
}

/// <summary>A row of the BIN table.</summary>
public sealed class SandboxBin
{
    public string Bin { get; set; }
    public int PosId { get; set; }
    public string Bank { get; set; }
    public string CardType { get; set; }
    public string Scheme { get; set; }
    public string BankCode { get; set; }
    public bool Commercial { get; set; }
    public string Brand { get; set; }
    public int Dkk { get; set; }

    /// <summary>Issued outside Turkey: the only cards TP_Islem_Odeme_WD takes (ParamPOS.md §8.13).</summary>
    public bool Foreign { get; set; }
}

/// <summary>What happens with a test card.</summary>
public enum CardBehaviour
{
    /// <summary>Approved; on the 3-D page the tester may still press Decline.</summary>
    Approve,

    /// <summary>TP_WMD_UCD refuses the card (do not honour, bank code 05).</summary>
    DeclineAtStart,

    /// <summary>3-D authentication fails on its own (mdStatus 0).</summary>
    FailThreeD,

    /// <summary>The issuer is not enrolled: the bank posts mdStatus 2 (half 3D).</summary>
    HalfThreeD,

    /// <summary>Authentication passes, TP_WMD_Pay is refused for insufficient funds (bank code 51).</summary>
    InsufficientFunds
}

/// <summary>A test card with its scripted outcome.</summary>
public sealed class SandboxCard
{
    public string Number { get; set; }
    public string Label { get; set; }
    public CardBehaviour Behaviour { get; set; }
}

/// <summary>
/// The Paratika merchant the sandbox's Paratika API accepts: Paratika's public test merchant (Paratika.md §12) and the
/// secret key its published return samples were hashed with.
/// </summary>
public sealed class SandboxParatikaMerchant
{
    public string Merchant { get; set; } = "10000000";
    public string MerchantUser { get; set; } = "apiuser@testmerchant.com";
    public string MerchantPassword { get; set; } = "Pluto321`";
    public string SecretKey { get; set; } = "qw3rty4iopa77fgh";
}
