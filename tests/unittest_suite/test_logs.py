# assertLogs / assertNoLogs (through minipy's logging): captured output,
# and both kinds of failure.
import logging
import unittest


class TestLogs(unittest.TestCase):
    def test_captured(self):
        with self.assertLogs('app', level='INFO') as cm:
            logging.getLogger('app').info('starting')
            logging.getLogger('app.db').error('no connection')
            logging.getLogger('app').debug('not captured')
        self.assertEqual(cm.output, ['INFO:app:starting',
                                     'ERROR:app.db:no connection'])
        self.assertEqual([r.levelname for r in cm.records], ['INFO', 'ERROR'])

    def test_root_logger(self):
        with self.assertLogs() as cm:
            logging.warning('on the root logger')
        self.assertEqual(cm.output, ['WARNING:root:on the root logger'])

    def test_nothing_logged(self):
        with self.assertLogs('app', level=logging.ERROR):
            logging.getLogger('app').warning('below the level')

    def test_unexpected_logs(self):
        with self.assertNoLogs('app'):
            logging.getLogger('app').warning('should not be here')

    def test_no_logs_ok(self):
        with self.assertNoLogs('quiet', level='DEBUG'):
            pass
