//! Custom fee assessment (HIP-18 fixed, fractional and royalty fees) for a crypto transfer:
//! the fees become extra transfers merged into the body, so the ordinary checks apply to them
//! (balances, associations, and signatures: a receiver who owes a royalty's fallback fee must
//! sign, as on Hedera). Treasuries and exempt collectors pay nothing; one level deep (fees on
//! the fee token itself are not assessed again).

use crate::ledger::Ledger;
use hedera_proto::services::{self as hp, custom_fee::Fee, ResponseCodeEnum as Code};
use std::collections::BTreeMap;

type Outcome<T> = Result<T, Code>;

fn num(id: Option<&hp::AccountId>) -> Option<u64> {
    match id?.account.as_ref()? {
        hp::account_id::Account::AccountNum(n) => u64::try_from(*n).ok(),
        _ => None,
    }
}

fn account(n: u64) -> hp::AccountId {
    hp::AccountId {
        shard_num: 0,
        realm_num: 0,
        account: Some(hp::account_id::Account::AccountNum(n as i64)),
    }
}

/// A fixed fee's denomination: hbar, or the token it names.
fn denomination(f: &hp::FixedFee) -> Option<u64> {
    f.denominating_token_id.as_ref().map(|d| d.token_num as u64)
}

fn fraction_of(amount: i64, f: Option<&hp::Fraction>) -> Outcome<i64> {
    let f = f.ok_or(Code::CustomFeeMustBePositive)?;
    if f.denominator == 0 {
        return Err(Code::FractionDividesByZero);
    }
    Ok(((amount as i128 * f.numerator as i128) / f.denominator as i128) as i64)
}

fn amounts(per_account: &BTreeMap<u64, i64>) -> Vec<hp::AccountAmount> {
    per_account
        .iter()
        .filter(|(_, v)| **v != 0)
        .map(|(a, v)| hp::AccountAmount {
            account_id: Some(account(*a)),
            amount: *v,
            is_approval: false,
        })
        .collect()
}

/// Sums of every account's changes: hbar, and per token.
#[derive(Default)]
struct Net {
    hbar: BTreeMap<u64, i64>,
    tokens: BTreeMap<u64, BTreeMap<u64, i64>>,
}

impl Net {
    /// `amount` of hbar (`denomination` None) or of a token, from one account to another.
    fn pay(&mut self, denomination: Option<u64>, from: u64, to: u64, amount: i64) {
        match denomination {
            None => {
                self.hbar(from, -amount);
                self.hbar(to, amount);
            }
            Some(t) => {
                self.token(t, from, -amount);
                self.token(t, to, amount);
            }
        }
    }
    fn hbar(&mut self, account: u64, amount: i64) {
        *self.hbar.entry(account).or_insert(0) += amount;
    }
    fn token(&mut self, token: u64, account: u64, amount: i64) {
        *self
            .tokens
            .entry(token)
            .or_default()
            .entry(account)
            .or_insert(0) += amount;
    }
}

impl Ledger {
    /// The transfer with its custom fees added, or unchanged if no token in it has any.
    pub(crate) fn with_custom_fees(
        &self,
        b: &hp::CryptoTransferTransactionBody,
    ) -> Outcome<hp::CryptoTransferTransactionBody> {
        let has_fees = b.token_transfers.iter().any(|l| {
            l.token
                .as_ref()
                .and_then(|t| self.tokens.get(&(t.token_num as u64)))
                .is_some_and(|t| !t.custom_fees.is_empty())
        });
        if !has_fees {
            return Ok(b.clone());
        }
        let mut net = Net::default();
        for aa in b.transfers.iter().flat_map(|l| &l.account_amounts) {
            net.hbar(
                num(aa.account_id.as_ref()).ok_or(Code::InvalidAccountId)?,
                aa.amount,
            );
        }
        for list in &b.token_transfers {
            let t = list.token.as_ref().ok_or(Code::InvalidTokenId)?.token_num as u64;
            for aa in &list.transfers {
                net.token(
                    t,
                    num(aa.account_id.as_ref()).ok_or(Code::InvalidAccountId)?,
                    aa.amount,
                );
            }
        }
        // What each account paid (hbar or fungible units) in the transaction as given: the
        // value exchanged for NFTs, which royalties take a share of.
        let paid_hbar = net.hbar.clone();
        let paid_tokens = net.tokens.clone();
        let mut fees = Net::default();
        for list in &b.token_transfers {
            let t = list.token.as_ref().ok_or(Code::InvalidTokenId)?.token_num as u64;
            let Some(token) = self.tokens.get(&t) else {
                continue;
            };
            let exempt = |who: u64, fee: &hp::CustomFee| {
                who == token.treasury
                    || num(fee.fee_collector_account_id.as_ref()) == Some(who)
                    || (fee.all_collectors_are_exempt
                        && token
                            .custom_fees
                            .iter()
                            .any(|f| num(f.fee_collector_account_id.as_ref()) == Some(who)))
            };
            for fee in &token.custom_fees {
                let collector = num(fee.fee_collector_account_id.as_ref())
                    .ok_or(Code::InvalidCustomFeeCollector)?;
                match &fee.fee {
                    Some(Fee::FixedFee(f)) => {
                        let senders = list
                            .transfers
                            .iter()
                            .filter(|aa| aa.amount < 0)
                            .filter_map(|aa| num(aa.account_id.as_ref()))
                            .chain(
                                list.nft_transfers
                                    .iter()
                                    .filter_map(|n| num(n.sender_account_id.as_ref())),
                            );
                        for sender in senders.collect::<Vec<_>>() {
                            if exempt(sender, fee) {
                                continue;
                            }
                            fees.pay(denomination(f), sender, collector, f.amount);
                        }
                    }
                    Some(Fee::FractionalFee(f)) => {
                        let sender = list
                            .transfers
                            .iter()
                            .find(|aa| aa.amount < 0)
                            .and_then(|aa| num(aa.account_id.as_ref()));
                        let Some(sender) = sender.filter(|s| !exempt(*s, fee)) else {
                            continue;
                        };
                        for aa in list.transfers.iter().filter(|aa| aa.amount > 0) {
                            let receiver =
                                num(aa.account_id.as_ref()).ok_or(Code::InvalidAccountId)?;
                            if receiver == collector {
                                continue;
                            }
                            let mut due = fraction_of(aa.amount, f.fractional_amount.as_ref())?
                                .max(f.minimum_amount);
                            if f.maximum_amount > 0 {
                                due = due.min(f.maximum_amount);
                            }
                            // Net of transfers: the sender pays on top; otherwise the receiver gets less.
                            let payer = if f.net_of_transfers { sender } else { receiver };
                            fees.pay(Some(t), payer, collector, due);
                        }
                    }
                    Some(Fee::RoyaltyFee(r)) => {
                        for n in &list.nft_transfers {
                            let (from, to) = (
                                num(n.sender_account_id.as_ref()).ok_or(Code::InvalidAccountId)?,
                                num(n.receiver_account_id.as_ref())
                                    .ok_or(Code::InvalidAccountId)?,
                            );
                            if exempt(from, fee) {
                                continue;
                            }
                            // Value the sender received in exchange: a share goes to the collector.
                            let mut exchanged = false;
                            if paid_hbar.get(&to).is_some_and(|a| *a < 0)
                                && paid_hbar.get(&from).is_some_and(|a| *a > 0)
                            {
                                let royalty = fraction_of(
                                    paid_hbar[&from],
                                    r.exchange_value_fraction.as_ref(),
                                )?;
                                fees.pay(None, from, collector, royalty);
                                exchanged = true;
                            }
                            for (ft, parties) in &paid_tokens {
                                if parties.get(&to).is_some_and(|a| *a < 0)
                                    && parties.get(&from).is_some_and(|a| *a > 0)
                                {
                                    let royalty = fraction_of(
                                        parties[&from],
                                        r.exchange_value_fraction.as_ref(),
                                    )?;
                                    fees.pay(Some(*ft), from, collector, royalty);
                                    exchanged = true;
                                }
                            }
                            if let (false, Some(fallback)) = (exchanged, &r.fallback_fee) {
                                fees.pay(denomination(fallback), to, collector, fallback.amount);
                            }
                        }
                    }
                    None => {}
                }
            }
        }
        for (a, v) in fees.hbar {
            net.hbar(a, v);
        }
        for (t, parties) in fees.tokens {
            for (a, v) in parties {
                net.token(t, a, v);
            }
        }
        // Rebuild the body with merged per-account amounts (a receiver whose credit a fee
        // reduced stays a receiver and needs no signature).
        let mut out = b.clone();
        out.transfers = Some(hp::TransferList {
            account_amounts: amounts(&net.hbar),
        });
        let mut lists: Vec<hp::TokenTransferList> = Vec::new();
        for (t, parties) in &net.tokens {
            let existing = b
                .token_transfers
                .iter()
                .find(|l| l.token.as_ref().map(|x| x.token_num as u64) == Some(*t));
            lists.push(hp::TokenTransferList {
                token: Some(hp::TokenId {
                    shard_num: 0,
                    realm_num: 0,
                    token_num: *t as i64,
                }),
                transfers: amounts(parties),
                nft_transfers: existing
                    .map(|l| l.nft_transfers.clone())
                    .unwrap_or_default(),
                expected_decimals: existing.and_then(|l| l.expected_decimals),
            });
        }
        for list in &b.token_transfers {
            let t = list.token.as_ref().map(|x| x.token_num as u64);
            if !net.tokens.contains_key(&t.unwrap_or(u64::MAX)) {
                lists.push(list.clone());
            }
        }
        out.token_transfers = lists;
        Ok(out)
    }
}
