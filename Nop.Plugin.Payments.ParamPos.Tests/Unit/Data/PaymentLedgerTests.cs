using FluentAssertions;
using Moq;
using Nop.Core.Caching;
using Nop.Plugin.Payments.ParamPos.Data;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Data;

/// <summary>
/// The ledger over tables with the database's unique indexes (in memory here; the WebFarm tests use PostgreSQL): a
/// claim sticks for exactly one caller, a lost insert is decided again, and anything else is not hidden.
/// </summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Checkout), Category(TestCategories.Refund)]
public class PaymentLedgerTests
{
    private static readonly Guid Order = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    private InMemoryRepository<ParamPosPayment> _payments;
    private InMemoryRepository<ParamPosLedgerEntry> _entries;
    private ManualClock _clock;
    private PaymentLedger _ledger;

    [SetUp]
    public void SetUp()
    {
        _payments = new InMemoryRepository<ParamPosPayment>(attempt => attempt.OrderReference, attempt => (attempt.OrderGuid, attempt.AttemptNumber));
        _entries = new InMemoryRepository<ParamPosLedgerEntry>(entry => (entry.OrderGuid, entry.Sequence));
        _clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        _ledger = new PaymentLedger(_entries, _payments, _clock);
    }

    private Task<ParamPosPayment> AttemptAsync(string reference = "REF-1") => _ledger.AddAttemptAsync(new ParamPosPayment
    {
        OrderGuid = Order, OrderReference = reference, Kind = PaymentKind.ThreeDModelSale, CurrencyCode = "TRY", Amount = 100m, Total = 104.10m, Installments = 3
    });

    [Test]
    public async Task Load_WithAWriterBetweenItsReads_NeverGivesEntriesWhoseAttemptIsMissing()
    {
        async Task WriteAttemptAndChargeAsync()
        {
            (_entries.AfterNextRead, _payments.AfterNextRead) = (null, null);
            var attempt = await AttemptAsync();
            await _ledger.ClaimAsync(Order, ledger => LedgerRules.Charge(ledger, attempt, "another node"));
        }

        // Whichever table the load reads first, another node writes an attempt and its charge right after that read.
        _entries.AfterNextRead = WriteAttemptAndChargeAsync;
        _payments.AfterNextRead = WriteAttemptAndChargeAsync;
        var ledger = await _ledger.LoadAsync(Order);

        _entries.Rows.Should().ContainSingle("the other node wrote its charge during the load");
        ledger.Entries.Where(entry => ledger.Attempts.All(attempt => attempt.Id != entry.PaymentId)).Should().BeEmpty("an attempt is written before the entries that name it");
    }

    [Test]
    public async Task Load_WhileAnImportWritesItsMarkerThenItsAttempt_NeverGivesTheAttemptWithoutTheMarker()
    {
        // The import of a version 1.0 order on another node: the marker entry first, then the attempt.
        _entries.AfterNextRead = async () =>
        {
            await _ledger.InsertOnceAsync(new ParamPosLedgerEntry { OrderGuid = Order, Sequence = 1, Kind = LedgerEntryKind.Imported, State = LedgerEntryState.Sending, Source = "node B" });
            await _ledger.InsertAttemptOnceAsync(new ParamPosPayment { OrderGuid = Order, AttemptNumber = 1, OrderReference = "REF-1", Kind = PaymentKind.ThreeDModelSale, CurrencyCode = "TRY" });
        };

        var ledger = await _ledger.LoadAsync(Order);

        ledger.Attempts.Should().ContainSingle("the import's attempt was written during the load");
        ledger.Entries.Should().ContainSingle().Which.Kind.Should().Be(LedgerEntryKind.Imported, "so the reader sees an import under way, not a finished ledger without entries");
    }

    [Test]
    public async Task ConcurrentChargeClaims_OnTheSameAttempt_ExactlyOneWins()
    {
        var attempt = await AttemptAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 32).Select(index =>
            Task.Run(() => _ledger.ClaimAsync(Order, ledger => LedgerRules.Charge(ledger, attempt, $"callback {index}")))));

        claims.Count(claim => claim.Won).Should().Be(1);
        claims.Where(claim => !claim.Won).Should().OnlyContain(claim => claim.Refusal == ClaimRefusal.ChargeExists || claim.Refusal == ClaimRefusal.AttemptAlreadyCharged);
        _entries.Rows.Should().ContainSingle().Which.State.Should().Be(LedgerEntryState.Sending);
    }

    [Test]
    public async Task AClaimThatLosesTheInsert_DecidesAgainOnTheNewHistory_AndIsRefused()
    {
        var attempt = await AttemptAsync();
        var decisions = 0;

        var claim = await _ledger.ClaimAsync(Order, ledger =>
        {
            if (++decisions == 1)
            {
                // Another node claims the same sequence number between this node's read and its insert.
                var competitor = LedgerRules.Charge(ledger, attempt, "other node").Entry;
                _entries.InsertAsync(competitor).GetAwaiter().GetResult();
            }

            return LedgerRules.Charge(ledger, attempt, "this node");
        });

        decisions.Should().Be(2, "the lost insert is decided again on a fresh reading");
        claim.Won.Should().BeFalse();
        claim.Refusal.Should().Be(ClaimRefusal.AttemptAlreadyCharged, "the other node's charge is this attempt's");
        _entries.UniqueViolations.Should().Be(1);
        _entries.Rows.Should().ContainSingle().Which.Source.Should().Be("other node");
    }

    [Test]
    public async Task AnInsertThatFailsForAnotherReason_IsThrown_NotTakenForALostRace()
    {
        var attempt = await AttemptAsync();
        var failing = new Mock<Nop.Data.IRepository<ParamPosLedgerEntry>>();
        failing.Setup(repository => repository.GetAllAsync(It.IsAny<Func<IQueryable<ParamPosLedgerEntry>, IQueryable<ParamPosLedgerEntry>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .ReturnsAsync(new List<ParamPosLedgerEntry>());
        failing.Setup(repository => repository.InsertAsync(It.IsAny<ParamPosLedgerEntry>(), false)).ThrowsAsync(new TimeoutException("the database did not answer"));
        var ledger = new PaymentLedger(failing.Object, _payments, _clock);

        var claiming = () => ledger.ClaimAsync(Order, history => LedgerRules.Charge(history, attempt, "callback"));

        await claiming.Should().ThrowAsync<TimeoutException>();
        failing.Verify(repository => repository.InsertAsync(It.IsAny<ParamPosLedgerEntry>(), false), Times.Once());
    }

    [Test]
    public async Task ConcurrentAttempts_GetDistinctNumbers_InOrder()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(1, 12).Select(index => Task.Run(() => AttemptAsync($"REF-{index}"))));

        attempts.Select(attempt => attempt.AttemptNumber).Should().BeEquivalentTo(Enumerable.Range(1, 12));
        (await _ledger.LoadAsync(Order)).LatestAttempt.AttemptNumber.Should().Be(12);
        (await _ledger.FindAttemptAsync("REF-7")).OrderGuid.Should().Be(Order);
        (await _ledger.FindAttemptAsync("REF-99")).Should().BeNull();
    }

    [Test]
    public async Task Complete_RecordsParamsAnswer_WithinTheColumnSizes()
    {
        var attempt = await AttemptAsync();
        var claim = await _ledger.ClaimAsync(Order, ledger => LedgerRules.Charge(ledger, attempt, new string('s', 80)));
        _clock.Advance(TimeSpan.FromSeconds(3));

        await _ledger.CompleteAsync(claim.Entry, LedgerEntryState.Refused, new LedgerAnswer("-9999", new string('x', 2000), BankCode: "51", BankReference: new string('r', 100)));

        var stored = (await _ledger.LoadAsync(Order)).Entries.Single();
        stored.State.Should().Be(LedgerEntryState.Refused);
        stored.Source.Should().HaveLength(LedgerEntryLimits.SOURCE);
        stored.ResultText.Should().HaveLength(LedgerEntryLimits.TEXT);
        stored.BankReference.Should().HaveLength(LedgerEntryLimits.REFERENCE);
        stored.BankCode.Should().Be("51");
        stored.CompletedOnUtc.Should().Be(_clock.GetUtcNow().UtcDateTime);
        stored.CreatedOnUtc.Should().Be(_clock.GetUtcNow().UtcDateTime.AddSeconds(-3));
    }

    [Test]
    public async Task EntriesToSettle_AreUnknownOutcomes_StoppedOwners_AndChargesWhoseOrderWasNotMarkedPaid()
    {
        var staleBefore = _clock.GetUtcNow().UtcDateTime;
        var unknown = await SettledChargeAsync("REF-U", LedgerEntryState.Unknown);
        var stopped = await SettledChargeAsync("REF-S", LedgerEntryState.Sending);
        var paidNotMarked = await SettledChargeAsync("REF-P", LedgerEntryState.Succeeded);
        var paidAndMarked = await SettledChargeAsync("REF-M", LedgerEntryState.Succeeded);
        var marked = await _ledger.ClaimAsync(paidAndMarked.OrderGuid, ledger => LedgerRules.OrderConfirmed(ledger, paidAndMarked, "callback"));
        await _ledger.CompleteAsync(marked.Entry, LedgerEntryState.Succeeded);
        var refused = await SettledChargeAsync("REF-R", LedgerEntryState.Refused);
        _clock.Advance(TimeSpan.FromMinutes(20));
        var fresh = await SettledChargeAsync("REF-F", LedgerEntryState.Sending);

        var toSettle = await _ledger.EntriesToSettleAsync(staleBefore.AddMinutes(10));

        toSettle.Select(entry => entry.Id).Should().Equal(unknown.Id, stopped.Id, paidNotMarked.Id);
        toSettle.Should().NotContain(entry => entry.Id == refused.Id || entry.Id == fresh.Id || entry.Id == paidAndMarked.Id);
    }

    [Test]
    public async Task AnOrderUpdateTakenOverFromAStoppedOwner_ClosesTheStoppedOne()
    {
        var charge = await SettledChargeAsync("REF-1", LedgerEntryState.Succeeded);
        var stopped = (await _ledger.ClaimAsync(Order, ledger => LedgerRules.OrderConfirmed(ledger, charge, "node A"))).Entry;
        var whileOwned = await _ledger.ClaimAsync(Order, ledger => LedgerRules.OrderConfirmed(ledger, charge, "node B", staleBefore: _clock.GetUtcNow().UtcDateTime.AddMinutes(-10)));
        _clock.Advance(TimeSpan.FromMinutes(30));

        var takeover = await _ledger.ClaimAsync(Order, ledger => LedgerRules.OrderConfirmed(ledger, charge, "reconciliation", staleBefore: _clock.GetUtcNow().UtcDateTime.AddMinutes(-10)));

        whileOwned.Won.Should().BeFalse("its owner may still be marking the order paid");
        takeover.Won.Should().BeTrue();
        var entries = (await _ledger.LoadAsync(Order)).Entries;
        entries.Single(entry => entry.Id == stopped.Id).State.Should().Be(LedgerEntryState.NotSent);
        entries.Single(entry => entry.Id == takeover.Entry.Id).State.Should().Be(LedgerEntryState.Sending);
    }

    [Test]
    public async Task InsertOnce_ByManyAtOnce_StoresOneRow_AndGivesEveryoneIt()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _ledger.InsertAttemptOnceAsync(new ParamPosPayment
        {
            OrderGuid = Order, AttemptNumber = 1, OrderReference = "REF-1", CurrencyCode = "TRY", Amount = 10m, Total = 10m, Installments = 1
        }))));
        var entries = await Task.WhenAll(Enumerable.Range(0, 16).Select(index => Task.Run(() => _ledger.InsertOnceAsync(new ParamPosLedgerEntry
        {
            OrderGuid = Order, Sequence = 1, Kind = LedgerEntryKind.Imported, State = LedgerEntryState.Sending, Source = $"node {index}"
        }))));

        _payments.Rows.Should().ContainSingle();
        _entries.Rows.Should().ContainSingle();
        attempts.Select(attempt => attempt.Id).Distinct().Should().Equal(_payments.Rows[0].Id);
        entries.Select(entry => (entry.Id, entry.Source)).Distinct().Should().Equal((_entries.Rows[0].Id, _entries.Rows[0].Source));
    }

    private async Task<ParamPosLedgerEntry> SettledChargeAsync(string reference, LedgerEntryState state)
    {
        var orderGuid = reference == "REF-1" ? Order : Guid.NewGuid();
        var attempt = await _ledger.AddAttemptAsync(new ParamPosPayment { OrderGuid = orderGuid, OrderReference = reference, CurrencyCode = "TRY", Amount = 10m, Total = 10m, Installments = 1 });
        var claim = await _ledger.ClaimAsync(orderGuid, ledger => LedgerRules.Charge(ledger, attempt, "callback"));
        if (state != LedgerEntryState.Sending)
            await _ledger.CompleteAsync(claim.Entry, state);

        return claim.Entry;
    }
}
