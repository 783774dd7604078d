"""Trust: accounts and permissions, encrypted desks, backups and personal-data requests.

Modules:
    passwords: Argon2id hashing and the password policy (shared with the sync service).
    permissions: role permissions and office scope, enforced by the core's services.
    auth: login with lockout, password change and reset, the idle-lock setting.
    sqlfiles: raw connections to plain or SQLCipher desk files.
    keys: the desk key, its key slots and the OS keyring.
    desk: opening a desk (plain or encrypted) and encrypting one in place.
    attachments: an encrypted store for attached evidence files.
    backup: online backups with rotation, and verified restore.
    personal_data: export and anonymisation of a person's data.
"""
