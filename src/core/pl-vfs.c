/* pl-vfs.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An SQLite VFS whose locks belong to the connection's own file
 * descriptor (Linux's open file description locks, F_OFD_SETLK) instead of
 * to the process (POSIX record locks, which SQLite's "unix" VFS uses).
 *
 * Why: a POSIX lock is dropped when the process closes *any* descriptor of
 * the file. A file chooser that sniffs the database's content type, a
 * thumbnailer or a recent-files lookup opens and closes the file inside
 * our process, and every lock SQLite held on it is gone without SQLite
 * knowing. Another process (placements-cli, the sqlite3 shell) then
 * believes it is alone, checkpoints, and deletes the WAL and shared-memory
 * files under the app: changes from both sides are lost. An OFD lock is
 * released only when its own descriptor is closed, so nothing outside
 * SQLite can drop it.
 *
 * OFD locks and POSIX locks conflict with each other on Linux, on the same
 * bytes, so a process using the ordinary "unix" VFS still sees our locks
 * exactly as it would another SQLite process's. The bytes are SQLite's own
 * (the "pending byte" range of the database and the lock slots of the -shm
 * file), so the file format and locking protocol are unchanged.
 *
 * Because OFD locks of two descriptors conflict even within one process,
 * two connections of the process to one file lock against each other as
 * two processes would; each has its own descriptors and its own mapping of
 * the shared memory. That is what SQLite's protocol expects of separate
 * processes, so no per-process bookkeeping is needed.
 *
 * Only the main database file (and its -shm) is ours. Journals, the WAL and
 * temporary files go to the "unix" VFS, which takes no locks on them. */

#define G_LOG_DOMAIN "pl-vfs"

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pl-vfs-private.h"

#ifdef F_OFD_SETLK

/* SQLite's lock bytes (os.h: not part of its public header, but fixed by
 * the file format: every SQLite since 3.0 uses them). */
#define PENDING_BYTE   0x40000000
#define RESERVED_BYTE  (PENDING_BYTE + 1)
#define SHARED_FIRST   (PENDING_BYTE + 2)
#define SHARED_SIZE    510

/* The lock slots of the -shm file and its "dead man switch" byte, as the
 * unix VFS places them (os_unix.c, UNIX_SHM_BASE and UNIX_SHM_DMS). */
#define SHM_BASE ((22 + SQLITE_SHM_NLOCK) * 4)
#define SHM_DMS  (SHM_BASE + SQLITE_SHM_NLOCK)

typedef struct
{
  int     fd;
  char   *path;
  int     region_size;
  int     per_map;       /* regions in one mapping (pages larger than a region) */
  int     n_regions;
  void  **regions;
} PlShm;

typedef struct
{
  sqlite3_file base;
  int          fd;
  int          lock;       /* SQLITE_LOCK_NONE … SQLITE_LOCK_EXCLUSIVE */
  char        *path;
  gboolean     sync_dir;   /* the file was created: make its name durable */
  PlShm       *shm;
} PlFile;

static sqlite3_vfs *unix_vfs;

static int
set_lock (int   fd,
          short type,
          off_t start,
          off_t len)
{
  struct flock lock;
  int rc;

  /* OFD locks need l_pid to be 0. */
  memset (&lock, 0, sizeof lock);
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = len;

  do
    rc = fcntl (fd, F_OFD_SETLK, &lock);
  while (rc < 0 && errno == EINTR);

  return rc;
}

static gboolean
is_busy (int saved_errno)
{
  return saved_errno == EAGAIN || saved_errno == EACCES;
}

/* Database file I/O. */

static int
pl_file_close (sqlite3_file *file);

static int
pl_file_read (sqlite3_file *file,
              void         *buffer,
              int           amount,
              sqlite3_int64 offset)
{
  PlFile *self = (PlFile *) file;
  char *out = buffer;
  int done = 0;

  while (done < amount)
    {
      ssize_t n = pread (self->fd, out + done, amount - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return SQLITE_IOERR_READ;
      if (n == 0)
        break;
      done += n;
    }

  if (done < amount)
    {
      /* SQLite relies on the missing part being zeroed. */
      memset (out + done, 0, amount - done);
      return SQLITE_IOERR_SHORT_READ;
    }

  return SQLITE_OK;
}

static int
pl_file_write (sqlite3_file *file,
               const void   *buffer,
               int           amount,
               sqlite3_int64 offset)
{
  PlFile *self = (PlFile *) file;
  const char *in = buffer;
  int done = 0;

  while (done < amount)
    {
      ssize_t n = pwrite (self->fd, in + done, amount - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return (errno == ENOSPC || errno == EDQUOT || errno == EFBIG)
               ? SQLITE_FULL : SQLITE_IOERR_WRITE;
      if (n == 0)
        return SQLITE_FULL;
      done += n;
    }

  return SQLITE_OK;
}

static int
pl_file_truncate (sqlite3_file *file,
                  sqlite3_int64 size)
{
  PlFile *self = (PlFile *) file;
  int rc;

  do
    rc = ftruncate (self->fd, size);
  while (rc < 0 && errno == EINTR);

  return rc < 0 ? SQLITE_IOERR_TRUNCATE : SQLITE_OK;
}

static int
pl_file_sync (sqlite3_file *file,
              int           flags)
{
  PlFile *self = (PlFile *) file;
  int rc;

  if (flags & SQLITE_SYNC_DATAONLY)
    rc = fdatasync (self->fd);
  else
    rc = fsync (self->fd);
  if (rc < 0)
    return SQLITE_IOERR_FSYNC;

  if (self->sync_dir)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

      /* As the unix VFS does, a folder that cannot be synced (some
       * network file systems) is not an error. */
      if (dir_fd >= 0)
        {
          fsync (dir_fd);
          close (dir_fd);
        }
      self->sync_dir = FALSE;
    }

  return SQLITE_OK;
}

static int
pl_file_size (sqlite3_file  *file,
              sqlite3_int64 *size)
{
  PlFile *self = (PlFile *) file;
  struct stat st;

  if (fstat (self->fd, &st) < 0)
    return SQLITE_IOERR_FSTAT;
  *size = st.st_size;
  return SQLITE_OK;
}

/* Locks of the database file: SQLite's protocol, each lock on the
 * connection's own descriptor. */

static int
pl_file_lock (sqlite3_file *file,
              int           level)
{
  PlFile *self = (PlFile *) file;

  if (self->lock >= level)
    return SQLITE_OK;

  if (level == SQLITE_LOCK_SHARED)
    {
      int rc, saved;

      g_assert (self->lock == SQLITE_LOCK_NONE);

      /* A writer waiting for EXCLUSIVE holds PENDING: no new readers. */
      if (set_lock (self->fd, F_RDLCK, PENDING_BYTE, 1) < 0)
        return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;

      rc = set_lock (self->fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE);
      saved = errno;
      if (set_lock (self->fd, F_UNLCK, PENDING_BYTE, 1) < 0 && rc == 0)
        {
          set_lock (self->fd, F_UNLCK, SHARED_FIRST, SHARED_SIZE);
          return SQLITE_IOERR_UNLOCK;
        }
      if (rc < 0)
        return is_busy (saved) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;

      self->lock = SQLITE_LOCK_SHARED;
      return SQLITE_OK;
    }

  g_assert (self->lock >= SQLITE_LOCK_SHARED);

  if (level == SQLITE_LOCK_RESERVED)
    {
      if (set_lock (self->fd, F_WRLCK, RESERVED_BYTE, 1) < 0)
        return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;
      self->lock = SQLITE_LOCK_RESERVED;
      return SQLITE_OK;
    }

  g_assert (level == SQLITE_LOCK_EXCLUSIVE);

  if (self->lock < SQLITE_LOCK_PENDING)
    {
      if (set_lock (self->fd, F_WRLCK, PENDING_BYTE, 1) < 0)
        return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;
      self->lock = SQLITE_LOCK_PENDING;
    }

  /* Stays PENDING until the readers are gone; SQLite retries. */
  if (set_lock (self->fd, F_WRLCK, SHARED_FIRST, SHARED_SIZE) < 0)
    return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;

  self->lock = SQLITE_LOCK_EXCLUSIVE;
  return SQLITE_OK;
}

static int
pl_file_unlock (sqlite3_file *file,
                int           level)
{
  PlFile *self = (PlFile *) file;

  if (self->lock <= level)
    return SQLITE_OK;

  if (level == SQLITE_LOCK_SHARED)
    {
      if (self->lock == SQLITE_LOCK_EXCLUSIVE
          && set_lock (self->fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE) < 0)
        return SQLITE_IOERR_RDLOCK;
      /* PENDING and RESERVED are the two bytes before SHARED_FIRST. */
      if (set_lock (self->fd, F_UNLCK, PENDING_BYTE, 2) < 0)
        return SQLITE_IOERR_UNLOCK;
      self->lock = SQLITE_LOCK_SHARED;
      return SQLITE_OK;
    }

  if (set_lock (self->fd, F_UNLCK, PENDING_BYTE, 2 + SHARED_SIZE) < 0)
    return SQLITE_IOERR_UNLOCK;
  self->lock = SQLITE_LOCK_NONE;
  return SQLITE_OK;
}

static int
pl_file_check_reserved (sqlite3_file *file,
                        int          *reserved)
{
  PlFile *self = (PlFile *) file;
  struct flock lock;

  if (self->lock >= SQLITE_LOCK_RESERVED)
    {
      *reserved = 1;
      return SQLITE_OK;
    }

  memset (&lock, 0, sizeof lock);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = RESERVED_BYTE;
  lock.l_len = 1;
  if (fcntl (self->fd, F_OFD_GETLK, &lock) < 0)
    return SQLITE_IOERR_CHECKRESERVEDLOCK;

  *reserved = lock.l_type != F_UNLCK;
  return SQLITE_OK;
}

static int
pl_file_control (sqlite3_file *file,
                 int           op,
                 void         *arg)
{
  PlFile *self = (PlFile *) file;

  switch (op)
    {
    case SQLITE_FCNTL_LOCKSTATE:
      *(int *) arg = self->lock;
      return SQLITE_OK;

    case SQLITE_FCNTL_VFSNAME:
      *(char **) arg = sqlite3_mprintf ("%s", PL_VFS_NAME);
      return SQLITE_OK;

    case SQLITE_FCNTL_HAS_MOVED:
      {
        struct stat mine, named;

        /* Removed or replaced under us: writes would go nowhere. */
        *(int *) arg = fstat (self->fd, &mine) < 0 || mine.st_nlink == 0
                       || stat (self->path, &named) < 0
                       || mine.st_ino != named.st_ino || mine.st_dev != named.st_dev;
        return SQLITE_OK;
      }

    default:
      return SQLITE_NOTFOUND;
    }
}

static int
pl_file_sector_size (sqlite3_file *file)
{
  return 4096;
}

static int
pl_file_device_characteristics (sqlite3_file *file)
{
  return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

/* Shared memory (the WAL index in the -shm file). */

/* The first connection to the -shm file (no other holds its "dead man
 * switch" byte) clears what a crashed process may have left in it; every
 * connection then holds that byte shared for as long as it has the file
 * open, as the unix VFS does. */
static int
shm_claim (PlShm *shm)
{
  struct flock lock;

  memset (&lock, 0, sizeof lock);
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SHM_DMS;
  lock.l_len = 1;
  if (fcntl (shm->fd, F_OFD_GETLK, &lock) < 0)
    return SQLITE_IOERR_LOCK;

  if (lock.l_type == F_WRLCK)
    return SQLITE_BUSY;

  if (lock.l_type == F_UNLCK)
    {
      if (set_lock (shm->fd, F_WRLCK, SHM_DMS, 1) < 0)
        return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;
      if (ftruncate (shm->fd, 3) < 0)
        return SQLITE_IOERR_SHMOPEN;
    }

  if (set_lock (shm->fd, F_RDLCK, SHM_DMS, 1) < 0)
    return is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_LOCK;

  return SQLITE_OK;
}

static void
shm_free (PlShm    *shm,
          gboolean  remove)
{
  for (int i = 0; i < shm->n_regions; i += shm->per_map)
    munmap (shm->regions[i], (size_t) shm->region_size * shm->per_map);
  if (remove)
    g_unlink (shm->path);
  if (shm->fd >= 0)
    close (shm->fd);
  g_free (shm->regions);
  g_free (shm->path);
  g_free (shm);
}

static int
shm_open_for (PlFile *self,
              int     region_size)
{
  PlShm *shm = g_new0 (PlShm, 1);
  long page = sysconf (_SC_PAGESIZE);
  int rc;

  shm->path = g_strconcat (self->path, "-shm", NULL);
  shm->region_size = region_size;
  shm->per_map = page > region_size ? (int) (page / region_size) : 1;
  shm->fd = open (shm->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (shm->fd < 0)
    {
      shm_free (shm, FALSE);
      return SQLITE_CANTOPEN;
    }

  rc = shm_claim (shm);
  if (rc != SQLITE_OK)
    {
      shm_free (shm, FALSE);
      return rc;
    }

  self->shm = shm;
  return SQLITE_OK;
}

static int
pl_file_shm_map (sqlite3_file   *file,
                 int             region,
                 int             region_size,
                 int             extend,
                 void volatile **out)
{
  PlFile *self = (PlFile *) file;
  PlShm *shm;
  int wanted;

  *out = NULL;

  if (self->shm == NULL)
    {
      int rc = shm_open_for (self, region_size);

      if (rc != SQLITE_OK)
        return rc;
    }
  shm = self->shm;
  g_assert (shm->region_size == region_size);

  wanted = ((region + shm->per_map) / shm->per_map) * shm->per_map;
  if (shm->n_regions < wanted)
    {
      off_t bytes = (off_t) wanted * region_size;
      struct stat st;

      if (fstat (shm->fd, &st) < 0)
        return SQLITE_IOERR_SHMSIZE;

      if (st.st_size < bytes)
        {
          long page = sysconf (_SC_PAGESIZE);

          if (!extend)
            return SQLITE_OK;

          /* Write a byte into every new page rather than ftruncate(), so
           * that a full disk is an error now and not a SIGBUS later. */
          for (off_t at = (st.st_size / page) * page; at < bytes; at += page)
            {
              ssize_t n;

              do
                n = pwrite (shm->fd, "", 1, at + page - 1);
              while (n < 0 && errno == EINTR);
              if (n != 1)
                return SQLITE_IOERR_SHMSIZE;
            }
        }

      shm->regions = g_renew (void *, shm->regions, wanted);
      while (shm->n_regions < wanted)
        {
          size_t size = (size_t) region_size * shm->per_map;
          char *map = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, shm->fd,
                            (off_t) shm->n_regions * region_size);

          if (map == MAP_FAILED)
            return SQLITE_IOERR_SHMMAP;
          for (int i = 0; i < shm->per_map; i++)
            shm->regions[shm->n_regions + i] = map + (size_t) region_size * i;
          shm->n_regions += shm->per_map;
        }
    }

  *out = region < shm->n_regions ? shm->regions[region] : NULL;
  return SQLITE_OK;
}

static int
pl_file_shm_lock (sqlite3_file *file,
                  int           offset,
                  int           n,
                  int           flags)
{
  PlFile *self = (PlFile *) file;
  short type;

  if (self->shm == NULL)
    return SQLITE_IOERR_SHMLOCK;

  if (flags & SQLITE_SHM_UNLOCK)
    type = F_UNLCK;
  else if (flags & SQLITE_SHM_SHARED)
    type = F_RDLCK;
  else
    type = F_WRLCK;

  if (set_lock (self->shm->fd, type, SHM_BASE + offset, n) < 0)
    return type != F_UNLCK && is_busy (errno) ? SQLITE_BUSY : SQLITE_IOERR_SHMLOCK;

  return SQLITE_OK;
}

static void
pl_file_shm_barrier (sqlite3_file *file)
{
  __atomic_thread_fence (__ATOMIC_SEQ_CST);
}

static int
pl_file_shm_unmap (sqlite3_file *file,
                   int           delete_flag)
{
  PlFile *self = (PlFile *) file;

  /* SQLite asks for the file to be deleted only while it holds the
   * database EXCLUSIVE, that is when no other connection is open. */
  if (self->shm != NULL)
    shm_free (self->shm, delete_flag);
  self->shm = NULL;
  return SQLITE_OK;
}

static const sqlite3_io_methods pl_file_methods = {
  .iVersion = 2,
  .xClose = pl_file_close,
  .xRead = pl_file_read,
  .xWrite = pl_file_write,
  .xTruncate = pl_file_truncate,
  .xSync = pl_file_sync,
  .xFileSize = pl_file_size,
  .xLock = pl_file_lock,
  .xUnlock = pl_file_unlock,
  .xCheckReservedLock = pl_file_check_reserved,
  .xFileControl = pl_file_control,
  .xSectorSize = pl_file_sector_size,
  .xDeviceCharacteristics = pl_file_device_characteristics,
  .xShmMap = pl_file_shm_map,
  .xShmLock = pl_file_shm_lock,
  .xShmBarrier = pl_file_shm_barrier,
  .xShmUnmap = pl_file_shm_unmap,
};

static int
pl_file_close (sqlite3_file *file)
{
  PlFile *self = (PlFile *) file;

  if (self->shm != NULL)
    shm_free (self->shm, FALSE);
  self->shm = NULL;
  /* Closing the descriptor releases its locks, and only its own. */
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  g_clear_pointer (&self->path, g_free);
  return SQLITE_OK;
}

/* The VFS itself. */

static int
pl_vfs_open (sqlite3_vfs  *vfs,
             const char   *name,
             sqlite3_file *file,
             int           flags,
             int          *out_flags)
{
  PlFile *self = (PlFile *) file;
  gboolean writable = (flags & SQLITE_OPEN_READWRITE) != 0;
  gboolean existed;
  int open_flags;
  int fd;

  if (name == NULL || !(flags & SQLITE_OPEN_MAIN_DB))
    return unix_vfs->xOpen (unix_vfs, name, file, flags, out_flags);

  memset (self, 0, sizeof *self);
  self->fd = -1;

  existed = g_file_test (name, G_FILE_TEST_EXISTS);
  open_flags = O_CLOEXEC | (writable ? O_RDWR : O_RDONLY);
  if (flags & SQLITE_OPEN_CREATE)
    open_flags |= O_CREAT;
  if (flags & SQLITE_OPEN_EXCLUSIVE)
    open_flags |= O_EXCL;

  /* Created private: readable by its owner only, from the first moment. */
  do
    fd = open (name, open_flags, 0600);
  while (fd < 0 && errno == EINTR);

  if (fd < 0 && writable && (errno == EACCES || errno == EROFS || errno == EPERM))
    {
      /* As SQLite does: a file we may only read is opened read-only, and
       * writes then fail with SQLITE_READONLY. */
      flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
      writable = FALSE;
      fd = open (name, O_RDONLY | O_CLOEXEC);
    }

  if (fd < 0)
    return SQLITE_CANTOPEN;

  if (writable)
    {
      struct stat st;

      if (fstat (fd, &st) == 0 && (st.st_mode & 077) != 0)
        fchmod (fd, st.st_mode & 0700);
    }

  self->fd = fd;
  self->path = g_strdup (name);
  self->sync_dir = !existed;
  self->lock = SQLITE_LOCK_NONE;
  self->base.pMethods = &pl_file_methods;

  if (out_flags != NULL)
    *out_flags = flags;
  return SQLITE_OK;
}

static int
pl_vfs_delete (sqlite3_vfs *vfs,
               const char  *name,
               int          sync_dir)
{
  return unix_vfs->xDelete (unix_vfs, name, sync_dir);
}

static int
pl_vfs_access (sqlite3_vfs *vfs,
               const char  *name,
               int          flags,
               int         *result)
{
  return unix_vfs->xAccess (unix_vfs, name, flags, result);
}

static int
pl_vfs_full_pathname (sqlite3_vfs *vfs,
                      const char  *name,
                      int          size,
                      char        *out)
{
  return unix_vfs->xFullPathname (unix_vfs, name, size, out);
}

static void *
pl_vfs_dl_open (sqlite3_vfs *vfs,
                const char  *name)
{
  return unix_vfs->xDlOpen (unix_vfs, name);
}

static void
pl_vfs_dl_error (sqlite3_vfs *vfs,
                 int          size,
                 char        *out)
{
  unix_vfs->xDlError (unix_vfs, size, out);
}

static void (*
pl_vfs_dl_sym (sqlite3_vfs *vfs,
               void        *handle,
               const char  *symbol)) (void)
{
  return unix_vfs->xDlSym (unix_vfs, handle, symbol);
}

static void
pl_vfs_dl_close (sqlite3_vfs *vfs,
                 void        *handle)
{
  unix_vfs->xDlClose (unix_vfs, handle);
}

static int
pl_vfs_randomness (sqlite3_vfs *vfs,
                   int          size,
                   char        *out)
{
  return unix_vfs->xRandomness (unix_vfs, size, out);
}

static int
pl_vfs_sleep (sqlite3_vfs *vfs,
              int          microseconds)
{
  return unix_vfs->xSleep (unix_vfs, microseconds);
}

static int
pl_vfs_current_time (sqlite3_vfs *vfs,
                     double      *out)
{
  return unix_vfs->xCurrentTime (unix_vfs, out);
}

static int
pl_vfs_get_last_error (sqlite3_vfs *vfs,
                       int          size,
                       char        *out)
{
  return unix_vfs->xGetLastError (unix_vfs, size, out);
}

static int
pl_vfs_current_time_int64 (sqlite3_vfs   *vfs,
                           sqlite3_int64 *out)
{
  return unix_vfs->xCurrentTimeInt64 (unix_vfs, out);
}

static sqlite3_vfs pl_vfs = {
  .iVersion = 2,
  .zName = PL_VFS_NAME,
  .xOpen = pl_vfs_open,
  .xDelete = pl_vfs_delete,
  .xAccess = pl_vfs_access,
  .xFullPathname = pl_vfs_full_pathname,
  .xDlOpen = pl_vfs_dl_open,
  .xDlError = pl_vfs_dl_error,
  .xDlSym = pl_vfs_dl_sym,
  .xDlClose = pl_vfs_dl_close,
  .xRandomness = pl_vfs_randomness,
  .xSleep = pl_vfs_sleep,
  .xCurrentTime = pl_vfs_current_time,
  .xGetLastError = pl_vfs_get_last_error,
  .xCurrentTimeInt64 = pl_vfs_current_time_int64,
};

/**
 * pl_vfs_register:
 *
 * Makes the descriptor-locking VFS the process's default, so that every
 * connection opened afterwards, the store's, a backup's and a background
 * job's, uses it. Safe to call many times and from many threads.
 *
 * Returns: %TRUE when the VFS is in use; %FALSE where the kernel has no
 *   OFD locks, in which case SQLite's own VFS stays the default.
 */
gboolean
pl_vfs_register (void)
{
  static gsize done;
  static gboolean registered;

  if (g_once_init_enter (&done))
    {
      unix_vfs = sqlite3_vfs_find ("unix");

      if (unix_vfs != NULL && unix_vfs->iVersion >= 2)
        {
          pl_vfs.szOsFile = MAX ((int) sizeof (PlFile), unix_vfs->szOsFile);
          pl_vfs.mxPathname = unix_vfs->mxPathname;
          registered = sqlite3_vfs_register (&pl_vfs, 1) == SQLITE_OK;
        }
      if (!registered)
        g_warning ("Cannot use descriptor locks for the database; "
                   "another program's access may go unnoticed");
      g_once_init_leave (&done, 1);
    }

  return registered;
}

#else /* !F_OFD_SETLK */

gboolean
pl_vfs_register (void)
{
  return FALSE;
}

#endif
