-- Telegram: escalations posted to chats (one message per escalation and chat, edited as it changes), people's
-- linked Telegram accounts, one-time link codes, and the long-polling state shared by every instance.

-- How an acknowledgement was given: api, web or telegram (null for older rows and for the ones the service
-- records itself when a ticket moves on).
alter table escalation add column acknowledged_via varchar(10);

-- The audit trail also holds events that concern no single ticket (acknowledging a silent-agent escalation).
alter table ticket_event alter column ticket_id drop not null;

-- The message of an escalation in one chat; made when its first notice is queued, message_id set when sent.
-- The sender locks the row while it talks to Telegram, so one escalation never gets two messages in a chat.
create table telegram_message (
    escalation_id bigint      not null references escalation (id),
    chat_id       bigint      not null,
    message_id    bigint,
    last_text     text,
    sent_at       timestamptz,
    primary key (escalation_id, chat_id)
);

-- A person's Telegram account: the user id that presses buttons and the private chat that receives their notices.
create table telegram_link (
    username         varchar(64) primary key references app_user (username),
    telegram_user_id bigint      not null unique,
    chat_id          bigint      not null,
    telegram_name    varchar(200),
    linked_at        timestamptz not null
);

-- One-time codes a person sends to the bot as "/hubungkan KODE"; only the SHA-256 of the code is kept.
create table telegram_link_code (
    code_hash  varchar(64) primary key,
    username   varchar(64) not null references app_user (username),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index telegram_link_code_user_idx on telegram_link_code (username);

-- Who polls getUpdates (one instance at a time, while its lease runs) and the next update to ask for.
create table telegram_poll (
    singleton     boolean     primary key default true check (singleton),
    update_offset bigint      not null,
    leader        varchar(100),
    lease_until   timestamptz
);
insert into telegram_poll (singleton, update_offset) values (true, 0);
